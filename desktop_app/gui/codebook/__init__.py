"""The codebook dock: the code tree model and panel, the code dialog, undoable codebook commands and the actions and keys that push them."""
