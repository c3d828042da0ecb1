"""One Settings object: packaged defaults -> user file -> environment -> CLI flags.

Library code never imports a global settings object; it receives a Settings.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

import platformdirs

from .errors import ConfigError

APP = "dateline"
USER_FILE = Path(platformdirs.user_config_dir(APP)) / "settings.toml"


def _data_dir() -> Path:
    return Path(os.environ.get("DATELINE_HOME") or platformdirs.user_data_dir(APP))


@dataclass(frozen=True, slots=True)
class Settings:
    # Where the built gazetteer lives (built by `dateline gazetteer build`).
    gazetteer_path: Path = _data_dir() / "gazetteer.sqlite"
    # The database URL: a SQLite file by default, or postgresql+psycopg://...
    db_url: str = f"sqlite:///{_data_dir() / 'dateline.sqlite'}"
    # spaCy model: "auto" tries the md model then falls back to sm with a warning.
    spacy_model: str = "auto"
    # Inputs larger than this are refused (bytes).
    max_input_bytes: int = 20 * 1024 * 1024
    # Fetching: timeout (s), size cap (bytes), redirects, private addresses.
    fetch_timeout: float = 20.0
    fetch_max_bytes: int = 10 * 1024 * 1024
    fetch_max_redirects: int = 5
    allow_private: bool = False
    # Web: reading is public unless this is set.
    private_reading: bool = False
    # Ingest: the extractor each worker builds ("module:Class" with from_settings()).
    extractor: str = "dateline.extraction.pipeline:Extractor"
    # Web: requests per second per client address (token bucket) and its burst size.
    web_rate_per_second: float = 20.0
    web_rate_burst: int = 120
    # Web: largest accepted request body (uploads, pasted text), bytes.
    web_max_upload_bytes: int = 5 * 1024 * 1024

    @classmethod
    def load(cls, user_file: Path | None = None, **overrides: Any) -> Settings:
        """Defaults, then the user's TOML file, then DATELINE_* variables, then overrides."""
        settings = cls()
        path = user_file or USER_FILE
        if path.is_file():
            try:
                data = tomllib.loads(path.read_text(encoding="utf-8"))
            except (OSError, tomllib.TOMLDecodeError) as exc:
                raise ConfigError(f"cannot read settings file {path}: {exc}") from exc
            settings = settings._merge(data, str(path))
        env = {f.name: os.environ[f"DATELINE_{f.name.upper()}"] for f in fields(cls)
               if f"DATELINE_{f.name.upper()}" in os.environ}
        if "DATELINE_DB" in os.environ:
            env["db_url"] = os.environ["DATELINE_DB"]
        if "DATELINE_GAZETTEER" in os.environ:
            env["gazetteer_path"] = os.environ["DATELINE_GAZETTEER"]
        settings = settings._merge(env, "environment")
        return settings._merge({k: v for k, v in overrides.items() if v is not None}, "flags")

    def _merge(self, data: dict[str, Any], origin: str) -> Settings:
        known = {f.name: f for f in fields(self)}
        changes: dict[str, Any] = {}
        for key, value in data.items():
            if key not in known:
                raise ConfigError(f"unknown setting {key!r} in {origin}")
            current = getattr(self, key)
            try:
                if isinstance(current, bool):
                    value = value if isinstance(value, bool) else str(value).lower() in ("1", "true", "yes")
                elif isinstance(current, Path):
                    value = Path(value).expanduser()
                elif isinstance(current, (int, float)):
                    value = type(current)(value)
            except (TypeError, ValueError) as exc:
                raise ConfigError(f"setting {key!r} from {origin}: {exc}") from exc
            changes[key] = value
        return replace(self, **changes) if changes else self
