"""Resolver behaviour: unit tests on an in-memory gazetteer, then the real one."""
import pytest

from dateline.geo import Gazetteer, GeoContext
from dateline.geo.gazetteer_file import PlaceRecord
from dateline.models import Place


def _place(id, name, kind, country, *, pop=0, admin1="01", precision=None, main=(), alt=(),
           lat=50.0, lon=30.0, parent=None, capital=False):
    precision = precision or {"city": "city", "admin1": "region", "country": "country",
                              "district": "district", "admin2": "district"}.get(kind, "region")
    return PlaceRecord(id=id, name=name, kind=kind, precision=precision, country=country,
                       lat=lat, lon=lon, admin1_code=admin1, population=pop, parent=parent,
                       capital=capital, main_names={name, *main}, alt_names=set(alt))


@pytest.fixture(scope="module")
def tiny():
    return Gazetteer.from_places([
        _place(1, "Testland", "country", "TL", pop=5_000_000),
        _place(10, "Oakford Oblast", "admin1", "TL", pop=2_000_000, main=("Oakford",)),
        _place(11, "Oakford", "city", "TL", pop=900_000, lat=50.1, lon=30.1),
        _place(12, "Newtown", "city", "TL", pop=60_000, alt=("Oldtown",)),
        _place(13, "Bigcity", "city", "OT", pop=300_000, admin1="05", alt=("Oldtown",)),
        _place(14, "Riverside", "district", "TL", pop=50_000, parent=11, lat=50.11, lon=30.12),
        _place(15, "Riverside", "city", "OT", pop=80_000, admin1="05", lat=10.0, lon=10.0),
        _place(16, "Lakeview", "city", "TL", pop=20_000),
        _place(17, "Lakeview", "city", "OT", pop=25_000, admin1="05"),
    ])


def test_a_city_beats_a_same_named_region_unless_a_cue_says_region(tiny):
    assert tiny.resolve("Oakford").geonameid == 11
    assert tiny.resolve("Oakford", context=GeoContext(cue="region")).geonameid == 10
    region = tiny.resolve("Oakford region")
    assert (region.geonameid, region.precision, region.text) == (10, "region", "Oakford region")


def test_a_current_name_beats_a_former_name_of_a_bigger_place(tiny):
    assert tiny.resolve("Newtown").geonameid == 12
    # "Oldtown" is only an alternate name of both: population decides, context can overrule.
    assert tiny.resolve("Oldtown").geonameid == 13
    assert tiny.resolve("Oldtown", context=GeoContext(country_hint="TL")).geonameid == 12


def test_the_article_countries_decide_between_equals(tiny):
    assert tiny.resolve("Lakeview").geonameid == 17
    assert tiny.resolve("Lakeview", context=GeoContext(article_countries=("TL",))).geonameid == 16


def test_a_district_goes_to_its_parent_city(tiny):
    parent = tiny.resolve("Oakford")
    district = tiny.resolve("Riverside", context=GeoContext(cue="district", parent=parent))
    assert (district.geonameid, district.precision) == (14, "district")
    assert tiny.resolve("Riverside").geonameid == 15


def test_relations_are_kept_and_unknowns_are_none(tiny):
    place = tiny.resolve("10 km south of Newtown")
    assert (place.geonameid, place.relation) == (12, "10 km south of")
    assert tiny.resolve("near Oakford").relation == "near"
    assert tiny.resolve("Atlantis") is None
    assert tiny.resolve("Nowhereville", context=GeoContext(article_countries=("TL",))) is None
    assert tiny.resolve("") is None and tiny.resolve("   ") is None
    assert tiny.resolve("NATO") is None and tiny.resolve("the Kremlin") is None


def test_misspellings_resolve_only_inside_the_article_context(tiny):
    assert tiny.resolve("Oakfrod", context=GeoContext(article_countries=("TL",))).geonameid == 11
    assert tiny.resolve("Oakfrod", context=GeoContext(article_countries=("OT",))) is None


def test_country_place(tiny):
    place = tiny.country_place("UA")
    assert place is not None and place.precision == "country" and place.geonameid == 690791
    assert tiny.country_place("QQ") is None


# --- the real gazetteer -----------------------------------------------------------------
def test_brief_example_kharkiv_region(gazetteer):
    place = gazetteer.resolve("Kharkiv", context=GeoContext(cue="region", article_countries=("UA",)))
    assert place == Place(text="Kharkiv", name="Kharkiv Oblast", country="UA", admin1="Kharkiv Oblast",
                          lat=place.lat, lon=place.lon, geonameid=706482, precision="region")
    assert 48.5 < place.lat < 50.5 and 35 < place.lon < 38.5


def test_nationwide_is_the_country(gazetteer):
    ua = gazetteer.country_place("UA", text="nationwide")
    assert (ua.text, ua.name, ua.geonameid, ua.precision) == ("nationwide", "Ukraine", 690791, "country")


@pytest.mark.parametrize("text", ["Atlantis", "Qwxyzburg", "NATO", "European Union", "", "   ",
                                  "12345", "!!!", "Київ" * 0 + "\x00"])
def test_unknown_or_junk_input_is_none_never_an_exception(gazetteer, text):
    assert gazetteer.resolve(text, context=GeoContext(article_countries=("UA",))) is None


def test_possessive_and_apostrophes_fold(gazetteer):
    assert gazetteer.resolve("Kyiv's").geonameid == 703448
    assert gazetteer.resolve("Kup'yans'k").geonameid == 703656


def test_results_are_cached_and_equal(gazetteer):
    context = GeoContext(article_countries=("UA",))
    first = gazetteer.resolve("Sumy", context=context)
    assert gazetteer.resolve("Sumy", context=context) is first


def test_non_text_input_is_none(gazetteer):
    assert gazetteer.resolve(None) is None  # type: ignore[arg-type]
    assert gazetteer.resolve(["Kyiv"]) is None  # type: ignore[arg-type]


def test_threads_share_one_gazetteer(gazetteer):
    from concurrent.futures import ThreadPoolExecutor

    names = ["Kyiv", "Odesa", "Sumy", "Lviv", "Kharkiv region", "Geneva"] * 50
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda n: gazetteer.resolve(n, context=GeoContext(article_countries=("UA",))), names))
    assert all(r is not None for r in results)
    assert {r.geonameid for r in results if r.text == "Kyiv"} == {703448}
