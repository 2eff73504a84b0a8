"""The HTTP API and dashboard (extra `api`: FastAPI + uvicorn). The core never imports this package."""
