"""The reader's widgets: Line-API article panes, the sidebar lists, search bar and status line."""
