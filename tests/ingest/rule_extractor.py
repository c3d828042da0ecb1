"""Old name of ingest_rule_extractor, kept because tests/scale loads "rule_extractor:RuleExtractor"."""
from ingest_rule_extractor import RuleExtractor, SlowRuleExtractor  # noqa: F401
