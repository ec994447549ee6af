"""The reading view: the segmented text, its highlighter and code margin, find in document, the window's segmenter."""
