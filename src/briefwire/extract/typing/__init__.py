"""Typing: which event type a sentence states, and whether it states one at all.

The profile's cue lexicons (``lexicon``) are data; cues count fully only on the sentence's main
predicate, a learned classifier backs them where the lexicon has no word for real wording, and
modality (a plan, a demand, a negation, a generic statement) decides whether the sentence states
a happened event.
"""
