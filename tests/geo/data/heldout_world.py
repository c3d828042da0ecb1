"""Held-out geocoding cases from reporting on Africa, the Middle East and Asia.

Written for dateline in session 4 (issue 14), after the country-context rule was
coded and never tuned on: real place names (names are facts), sentences of our
own. Besides the cities and regions a report names, they hold the traps real
reporting sets: a small place GeoNames lacks whose name a village abroad shares
(the answer is no place, and the extractor keeps the precision of what the text
gives), a local spelling of a region whose exact name belongs to a town abroad,
and an admin1 named beside a place. make_cases.py appends them to HELDOUT.
"""
from __future__ import annotations

SD, SO, PS, YE, SY, IQ = ("SD",), ("SO",), ("PS", "IL"), ("YE", "SA"), ("SY", "TR"), ("IQ", "US")

# (sentence, mention, context, spec, precision) as in make_cases.CASES
WORLD: list[tuple[str, str, dict, str, str]] = [
    # --- Sudan
    ("RSF fighters entered Nyala after days of shelling.", "Nyala", {"article_countries": SD}, "city:Nyala:SD", "city"),
    ("Displaced families reached Mellit on foot.", "Mellit", {"article_countries": SD}, "city:Mellit:SD", "city"),
    ("Airstrikes hit the market in Ed Daein.", "Ed Daein", {"article_countries": SD}, "city:El Daein:SD", "city"),
    ("The army said it held Babanusa.", "Babanusa", {"article_countries": SD}, "city:Babanūsah:SD", "city"),
    ("Fighting spread to Wad Madani in December.", "Wad Madani", {"article_countries": SD}, "city:Wad Medani:SD", "city"),
    ("Shelling was reported in Kadugli.", "Kadugli", {"article_countries": SD}, "city:Kadugli:SD", "city"),
    ("The road to Dilling was cut.", "Dilling", {"article_countries": SD}, "city:Dilling:SD", "city"),
    ("Aid convoys reached Kutum.", "Kutum", {"article_countries": SD}, "city:Kutum:SD", "city"),
    ("Drones struck El Fasher overnight.", "El Fasher", {"article_countries": SD}, "city:El Fasher:SD", "city"),
    ("Fighters attacked Tina near the Chad border.", "Tina", {"article_countries": SD}, "none", "none"),
    ("Residents fled Shagra after the raid.", "Shagra", {"article_countries": SD}, "none", "none"),
    ("Clashes were reported in Sortony.", "Sortony", {"article_countries": SD}, "none", "none"),
    ("Villages in North Darfur were burned.", "North Darfur", {"article_countries": SD}, "a1:SD.55", "region"),
    ("Hunger spread across South Kordofan.", "South Kordofan", {"article_countries": SD}, "a1:SD.50", "region"),
    # --- Somalia
    ("Al-Shabab fighters attacked a base in Baidoa.", "Baidoa", {"article_countries": SO}, "city:Baidoa:SO", "city"),
    ("A car bomb exploded in Kismayo.", "Kismayo", {"article_countries": SO}, "city:Kismayo:SO", "city"),
    ("Troops advanced toward Bardhere.", "Bardhere", {"article_countries": SO}, "city:Baardheere:SO", "city"),
    ("Floods cut roads around Beledweyne.", "Beledweyne", {"article_countries": SO}, "city:Beledweyne:SO", "city"),
    ("Militants ambushed a convoy near Marka.", "Marka", {"article_countries": SO}, "city:Marka:SO", "city"),
    ("Elders met in Galkayo.", "Galkayo", {"article_countries": SO}, "city:Gaalkacyo:SO", "city"),
    ("A suicide bomber struck a camp in Wanlaweyn.", "Wanlaweyn", {"article_countries": SO}, "city:Wanlaweyn:SO", "city"),
    ("Government forces retook Qoryooley.", "Qoryooley", {"article_countries": SO}, "city:Qoryooley:SO", "city"),
    ("Mortars hit Burhakaba.", "Burhakaba", {"article_countries": SO}, "city:Buurhakaba:SO", "city"),
    ("Traders in Luuq reported looting.", "Luuq", {"article_countries": SO}, "city:Luuq:SO", "city"),
    ("The offensive in the Hiran region continued.", "Hiran region", {"article_countries": SO}, "a1:SO.07", "region"),
    ("Militia fighters gathered in Hiran region.", "Hiran region", {}, "a1:SO.07", "region"),
    ("Camels were seized near Mahas.", "Mahas", {"article_countries": SO}, "none", "none"),
    ("An attack on the base at Elbe killed dozens.", "Elbe", {"article_countries": SO}, "none", "none"),
    ("Troops massed in Gedo region.", "Gedo region", {"article_countries": SO}, "a1:SO.06", "region"),
    # --- Gaza, West Bank
    ("Tanks pushed into Beit Hanoun.", "Beit Hanoun", {"article_countries": PS}, "city:Bayt Ḩānūn:PS", "city"),
    ("Airstrikes hit homes in Jabalia.", "Jabalia", {"article_countries": PS}, "city:Jabālyā:PS", "city"),
    ("A school in Nuseirat was struck.", "Nuseirat", {"article_countries": PS}, "city:An Nuşayrāt:PS", "city"),
    ("Shelling killed five in Bureij.", "Bureij", {"article_countries": PS}, "city:Al Burayj:PS", "city"),
    ("Families fled Beit Lahia.", "Beit Lahia", {"article_countries": PS}, "city:Bayt Lāhyā:PS", "city"),
    ("Troops raided the camp in Jenin.", "Jenin", {"article_countries": PS}, "city:Janīn:PS", "city"),
    ("A drone strike hit Tulkarm.", "Tulkarm", {"article_countries": PS}, "city:Ţūlkarm:PS", "city"),
    ("Israeli jets struck targets across the Gaza Strip.", "Gaza Strip", {"article_countries": ("IL", "US")}, "a1:PS.GZ", "region"),
    # --- Yemen, Syria, Iraq
    ("Houthi forces shelled Marib.", "Marib", {"article_countries": YE}, "city:Ma'rib:YE", "city"),
    ("Snipers fired on civilians in Taiz.", "Taiz", {"article_countries": YE}, "city:Taiz:YE", "city"),
    ("Airstrikes hit Saada province's capital, Saada.", "Saada", {"article_countries": YE}, "city:Sa'dah:YE", "city"),
    ("Government jets bombed Idlib.", "Idlib", {"article_countries": SY}, "city:Idlib:SY", "city"),
    ("Turkish-backed fighters moved on Manbij.", "Manbij", {"article_countries": SY}, "city:Manbij:SY", "city"),
    ("Shelling hit Tal Rifaat.", "Tal Rifaat", {"article_countries": SY}, "city:Tall Rif‘at:SY", "city"),
    ("Kurdish forces held Kobani.", "Kobani", {"article_countries": SY}, "city:‘Ayn al ‘Arab:SY", "city"),
    ("A drone struck a car in Raqqa.", "Raqqa", {"article_countries": SY}, "city:Ar Raqqah:SY", "city"),
    ("Rockets fell near Tikrit.", "Tikrit", {"article_countries": IQ}, "city:Tikrīt:IQ", "city"),
    ("Militants were cleared from Fallujah.", "Fallujah", {"article_countries": IQ}, "city:Al Fallūjah:IQ", "city"),
    ("Yazidis returned to Sinjar.", "Sinjar", {"article_countries": IQ}, "city:Sinjār:IQ", "city"),
    ("A drone attack targeted Erbil airport.", "Erbil", {"article_countries": IQ}, "city:Erbil:IQ", "city"),
    # --- Asia
    ("Taliban fighters entered Lashkar Gah.", "Lashkar Gah", {"article_countries": ("AF",)}, "city:Lashkar Gāh:AF", "city"),
    ("Fighting resumed in Kunduz.", "Kunduz", {"article_countries": ("AF",)}, "city:Kunduz:AF", "city"),
    ("Resistance forces seized Myawaddy.", "Myawaddy", {"article_countries": ("MM", "TH")}, "city:Myawaddy:MM", "city"),
    ("The ethnic alliance captured Lashio.", "Lashio", {"article_countries": ("MM",)}, "city:Lashio:MM", "city"),
    ("A landslide buried miners in Hpakant.", "Hpakant", {"article_countries": ("MM",)}, "city:Hpākān:MM", "city"),
    ("Army helicopters flew over Marawi.", "Marawi", {"article_countries": ("PH",)}, "city:Marawi City:PH", "city"),
    ("A bomb exploded at a market in Quetta.", "Quetta", {"article_countries": ("PK",)}, "city:Quetta:PK", "city"),
    ("Militants attacked a police post in Bannu.", "Bannu", {"article_countries": ("PK",)}, "city:Bannu:PK", "city"),
    # --- Sahel, Great Lakes, Horn
    ("Rebels regained Kidal.", "Kidal", {"article_countries": ("ML",)}, "city:Kidal:ML", "city"),
    ("Jihadists besieged Djibo.", "Djibo", {"article_countries": ("BF",)}, "city:Djibo:BF", "city"),
    ("M23 fighters entered Goma.", "Goma", {"article_countries": ("CD", "RW")}, "city:Goma:CD", "city"),
    ("Militia attacks continued near Bunia.", "Bunia", {"article_countries": ("CD",)}, "city:Bunia:CD", "city"),
    ("Shells landed in Sake.", "Sake", {"article_countries": ("CD",)}, "city:Sake:CD", "city"),
    ("Boko Haram raided Gwoza.", "Gwoza", {"article_countries": ("NG",)}, "city:Gwoza:NG", "city"),
    ("Federal troops entered Mekelle.", "Mekelle", {"article_countries": ("ET",)}, "city:Mek'ele:ET", "city"),
    ("Fano militia clashed with troops in Bahir Dar.", "Bahir Dar", {"article_countries": ("ET",)}, "city:Bahir Dar:ET", "city"),
    ("Curfews were imposed in Gondar.", "Gondar", {"article_countries": ("ET",)}, "city:Gonder:ET", "city"),
    # --- no places at all: armed groups and cut fragments
    ("A spokesman for al-Shabab claimed the attack.", "al-Shabab", {"article_countries": SO}, "none", "none"),
    ("RSF units withdrew.", "RSF", {"article_countries": SD}, "none", "none"),
    ("Saudi Arabia's state television said so.", "Saudi Arabia's state", {"article_countries": YE}, "none", "none"),
    ("Fighting in Hiran (central Somalia) went on.", "Hiran (", {"article_countries": SO}, "none", "none"),
]
