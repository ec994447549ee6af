"""The documents dock and dialogs: the documents list, document details, the source view, the import options."""
