"""Country names, demonyms and metonyms -> ISO codes, from the packaged data."""
import pytest

from dateline.geo.countries import country_code, country_info, metonym_country

NAMES = [
    ("Russia", "RU"), ("Russian", "RU"), ("Russia's", "RU"), ("Russia\u2019s", "RU"),
    ("Ukrainian", "UA"), ("the United States", "US"), ("US", "US"), ("U.S.", "US"),
    ("American", "US"), ("Americans", "US"), ("Britain", "GB"), ("British", "GB"),
    ("UK", "GB"), ("U.K.", "GB"), ("French", "FR"), ("Israeli", "IL"), ("Palestinian", "PS"),
    ("Sudanese", "SD"), ("South Sudanese", "SS"), ("Congolese", "CD"), ("Emirati", "AE"),
    ("Iranian", "IR"), ("Moldovan", "MD"), ("Romanian", "RO"), ("Polish", "PL"),
    ("Swiss", "CH"), ("Turkish", "TR"), ("Türkiye", "TR"), ("Chinese", "CN"),
    ("North Korean", "KP"), ("South Korean", "KR"), ("Georgia", "GE"), ("GERMANY", "DE"),
    ("the Netherlands", "NL"), ("Côte d'Ivoire", "CI"), ("Kosovo", "XK"), ("Saudi", "SA"),
    ("Belarusian", "BY"), ("Guinea-Bissau", "GW"), ("DRC", "CD"), ("UAE", "AE"),
]


@pytest.mark.parametrize(("text", "code"), NAMES)
def test_country_names_and_demonyms(text, code):
    assert country_code(text) == code


@pytest.mark.parametrize("text", ["Houthi", "Houthis", "European", "Arab", "Kurdish", "in",
                                  "IN", "IT", "NO", "Island", "Korea", "", "  ", "Atlantis"])
def test_not_a_country(text):
    assert country_code(text) is None


@pytest.mark.parametrize(("text", "code"), [
    ("Kyiv", "UA"), ("Kiev", "UA"), ("Moscow", "RU"), ("Washington", "US"),
    ("the Kremlin", "RU"), ("the White House", "US"), ("Beijing", "CN"),
    ("Élysée", "FR"), ("Elysee Palace", "FR"), ("Downing Street", "GB"), ("Pentagon", "US"),
    ("Moscow's", "RU"), ("Brasilia", "BR"), ("Tehran", "IR"), ("Pristina", "XK"),
])
def test_metonyms(text, code):
    assert metonym_country(text) == code


@pytest.mark.parametrize("text", ["Victoria", "Kingston", "Brussels", "Geneva", "Odesa", ""])
def test_not_a_metonym(text):
    assert metonym_country(text) is None


def test_country_info_has_geonames_ids_and_coordinates():
    ua = country_info("UA")
    assert (ua.name, ua.geonameid) == ("Ukraine", 690791)
    assert 44 < ua.lat < 53 and 22 < ua.lon < 41
    assert country_info("us").geonameid == 6252001
    assert country_info("XK").geonameid == 831053
    with pytest.raises(KeyError):
        country_info("QQ")
