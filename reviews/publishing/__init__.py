"""Publishing: the approved snapshot made public, withdrawn, and served by the content API.

- `snapshots`: what an approval freezes and a publication carries, and its hash;
- `services`: publish and withdraw (and why an approval may not be published);
- `api/`: the read-only content API (`/api/v1/`), which reads publications only.
"""
