#!/usr/bin/env bash
# Builds the kit and installs its Jupyter kernel (golab-csharp) for the current user — the one install step shared by
# Binder (binder/Dockerfile), the dev container (.devcontainer/devcontainer.json) and its CI test
# (tests/GoRuntimeLab.NotebookTests/Delivery/BinderInstallTests). Needs the .NET 10 SDK; Jupyter only to use the kernel.
#   bash binder/install-kit.sh            # per user: ~/.local/share/jupyter/kernels/golab-csharp
#   bash binder/install-kit.sh --prefix DIR
# GOLAB_LIVE=true also publishes the book's live widgets (golab for the browser); notebooks do not need them.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet --version >/dev/null
echo "install-kit: restoring the pinned .NET Interactive tool"
dotnet tool restore >/dev/null
echo "install-kit: building the kit (lib/GoRuntimeLab.Cli and the libraries the notebooks reference)"
dotnet build lib/GoRuntimeLab.Cli -c Release -v q -nologo -p:GolabLive="${GOLAB_LIVE:-false}"
echo "install-kit: installing the Jupyter kernel"
dotnet lib/GoRuntimeLab.Cli/bin/golab.dll kernel install "$@"
echo "install-kit: done — open notebooks/*.ipynb; they name the kernel golab-csharp (\"C# (GoRuntimeLab)\")"
