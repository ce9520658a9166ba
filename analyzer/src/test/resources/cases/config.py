# expect: config.connection-string@4 config.connection-string@5 config.localhost-url@6 config.hardcoded-port@12
import os

MONGO = "mongodb://app:s3cr3tpw@mongo.prod:27017/app"
CACHE = "redis://cache.internal:6379"
API = "http://127.0.0.1:5000/v1"
DB = os.environ["DATABASE_URL"]
DOC = "see https://example.org for details"


def serve(app):
    app.run(port=5000)
    app.run(port=int(os.environ["PORT"]))
