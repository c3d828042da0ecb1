"""Old name of store_db_fixtures, kept because tests/scale/conftest.py imports it."""
from store_db_fixtures import PG_URL, backend_params, db_url_for, scratch_postgres  # noqa: F401
