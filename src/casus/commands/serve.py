"""`casus serve`: the HTTP API and dashboard over a database (needs the `api` extra)."""

from __future__ import annotations

import argparse
import os

from casus.errors import ConfigError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "serve",
        help="serve the API and dashboard over a database",
        description="Serve the JSON/CSV API (OpenAPI at /docs) and the dashboard at /.",
    )
    p.add_argument("--db", default="casus.duckdb", help="database (default casus.duckdb)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument(
        "--token",
        default=os.environ.get("CASUS_API_TOKEN"),
        help="allow POST /ingest with this bearer token (default $CASUS_API_TOKEN; none: read-only)",
    )
    p.add_argument(
        "--threads",
        type=int,
        default=1,
        help="DuckDB threads per query (default 1: requests already run side by side)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from casus.api.app import create_app
    except ImportError as err:
        raise ConfigError(f"casus serve needs the api extra: pip install 'casus[api]' ({err})") from err
    app = create_app(args.db, token=args.token, threads=args.threads)
    print(
        f"casus: serving {args.db} on http://{args.host}:{args.port}/ "
        f"({'ingest allowed with token' if args.token else 'read-only'}); API docs at /docs"
    )
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
