"""A real OpenID provider on 127.0.0.1 for the tests: oidc-provider-mock (built on Authlib's
authorization server), in a process of its own, on a port of its own.

People log in there by typing their subject ("sub") on its authorization page; their other
claims are set with `set_claims`.
"""

import subprocess
import sys
from contextlib import contextmanager
from urllib.parse import parse_qs, urlsplit

import httpx

# The provider's own process: its warnings are not the app's to fail on.
_RUN = """
import sys, warnings
warnings.simplefilter("ignore")
from datetime import timedelta
import oidc_provider_mock
from werkzeug.serving import make_server

app = oidc_provider_mock.app(
    require_nonce=True, access_token_max_age=timedelta(minutes=float(sys.argv[1]))
)
server = make_server("127.0.0.1", 0, app, threaded=True)
print(server.server_port, flush=True)
server.serve_forever()
"""

CLIENT_ID = "mina-steg"
CLIENT_SECRET = "client-secret-for-tests"


class Provider:
    def __init__(self, issuer: str):
        self.issuer = issuer

    def config(self, **more) -> dict:
        """The app's settings for single sign-on with this provider."""
        return {
            "OIDC_ISSUER": self.issuer,
            "OIDC_CLIENT_ID": CLIENT_ID,
            "OIDC_CLIENT_SECRET": CLIENT_SECRET,
            **more,
        }

    def set_claims(self, sub: str, claims: dict) -> None:
        response = httpx.put(f"{self.issuer}/users/{sub}", json=claims, timeout=10)
        response.raise_for_status()

    def log_in(self, authorize_url: str, sub: str) -> str:
        """Log in as `sub` on the provider's page; returns where it sends the browser back."""
        parts = urlsplit(authorize_url)
        assert f"{parts.scheme}://{parts.netloc}" == self.issuer
        response = httpx.post(authorize_url, data={"sub": sub}, timeout=10)
        assert response.status_code == 302, response.text[:500]
        return response.headers["location"]


@contextmanager
def provider(token_minutes: float = 60):
    """A provider on 127.0.0.1; its ID tokens live `token_minutes` (negative: born expired)."""
    process = subprocess.Popen(  # noqa: S603 (this Python, our own script)
        [sys.executable, "-c", _RUN, str(token_minutes)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        port = int(process.stdout.readline())
        yield Provider(f"http://127.0.0.1:{port}")
    finally:
        process.terminate()
        process.wait(timeout=10)
        process.stdout.close()


def query(url: str) -> dict:
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}
