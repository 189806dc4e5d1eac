"""The ways in: the command line (``cli``). Interfaces call the library, never the reverse."""
