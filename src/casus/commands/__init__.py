"""CLI commands: each module has register(subparsers); cli.py wires them up."""
