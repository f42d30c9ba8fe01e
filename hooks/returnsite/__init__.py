"""Build code for the voluntary-return website.

The flow: content files -> schema + validation -> page rendering -> thin
mkdocs hooks (``hooks/*.py``) -> ``site/``.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
