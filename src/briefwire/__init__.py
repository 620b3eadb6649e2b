"""briefwire: a source-linked event ledger and daily brief from news and Telegram."""

__version__ = "0.1.0"
