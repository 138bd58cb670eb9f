namespace GoRuntimeLab.Charts; internal static class Placeholder {}
