// The browser build of golab: nothing runs at start; the book's golab-live.js calls GolabBrowser.Run.
return 0;
