"""GUI: the PySide6 desktop app (the only package besides briefer/app.py that imports Qt).

Entry point: `briefer.app.main()`; the window is `briefer.gui.main_window.MainWindow`.
"""
