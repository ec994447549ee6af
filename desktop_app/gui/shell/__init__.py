"""The shell: the application object, the main window that arranges the rooms, its menus and file actions, help dialogs."""
