"""Named casualties: people a document reports killed, with their fields.

``finder`` reads English sentences (``cues`` and ``fields_en``), ``finder_ru`` Russian ones
(``fields_ru``; ``names_ru`` puts names back in the nominative). Both return ``Found`` records
that ``finder.build`` turns into :class:`briefwire.models.Casualty`.
"""
