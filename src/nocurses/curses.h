#error "model/ and layout/ never include curses: draw through ui/"
