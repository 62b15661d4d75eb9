import pytest

from tests.claims.catalogue_files import write_small_catalogue


@pytest.fixture
def small_catalogue(tmp_path):
    """A catalogue of one invented article, in a directory the test may break."""
    return write_small_catalogue(tmp_path)
