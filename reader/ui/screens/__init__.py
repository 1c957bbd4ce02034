"""The reader's screens: the reading view, the explain modal and the help screen."""
