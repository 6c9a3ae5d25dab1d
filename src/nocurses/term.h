#error "model/, layout/ and app/ never include curses: reach the terminal through ui/ (qari/ui.h)"
