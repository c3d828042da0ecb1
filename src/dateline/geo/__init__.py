"""geo stage: offline geocoding against a GeoNames gazetteer (see gazetteer.py)."""
from .gazetteer import Gazetteer
from .ranking import GeoContext

__all__ = ["Gazetteer", "GeoContext"]
