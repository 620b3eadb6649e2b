"""``python -m briefwire`` is the ``briefwire`` command."""

from briefwire.cli import main

main()
