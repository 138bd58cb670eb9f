// The browser build of golab. golab-live.js starts Main (so the command line, which System.CommandLine reads for the
// program's name, is set) and then calls GolabBrowser.Run for every widget; Main stays pending, as a browser app's
// does, so the runtime never shuts down between calls.
await Task.Delay(Timeout.Infinite).ConfigureAwait(false);
