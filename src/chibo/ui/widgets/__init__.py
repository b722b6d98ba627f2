"""Parts the pages, editors and dialogs share: table models and views, the PDF preview, the paper
bar, the USB drives, empty-list hints, questions and fitting a window to the screen."""
