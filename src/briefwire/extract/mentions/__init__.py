"""Mentions: every quantity, place and date of a text, whether or not its sentence states an event.

Mentions are first-class: they are found in every sentence and later attached to the happening
they belong to (:mod:`briefwire.extract.happenings`). ``quantities`` finds counts, money,
percentages, shares, ranges and measurements (English and Russian number words in any case);
``places`` resolves place names through the profile's gazetteer; ``time`` and ``when`` resolve
dates against the publication date with a precision.
"""
