"""The 404 and 500 pages a visitor sees in production are the site's own, in French.

The 500 comes from a real failure rather than from a route written for the test: a server whose
database is unreachable (DATABASE_URL at a closed port) fails every page, and Django's handler500
renders 500.html. That template must therefore need nothing but the static files.
"""


def test_unknown_url__french_404_page(server):
    response = server.get("/cette-page-n-existe-pas/", headers={"Host": f"irev.localhost:{server.port}"})

    assert (response.status, response.content_type) == (404, "text/html")
    assert '<html lang="fr">' in response.text
    assert "Page introuvable" in response.text
    assert "Not Found" not in response.text
    # In the centre site's layout: its header, menu and footer.
    assert 'class="site-header"' in response.text
    assert 'aria-label="Navigation principale"' in response.text
    assert '<footer class="site-footer">' in response.text


def test_unknown_url_on_the_network_site__french_404_page_in_its_layout(server):
    response = server.get("/cette-page-n-existe-pas/")

    assert response.status == 404
    assert "Page introuvable" in response.text
    # The network's home has no sections, so no menu: its header and footer all the same.
    assert 'class="site-header"' in response.text
    assert '<footer class="site-footer">' in response.text


def test_unknown_url_in_a_section__french_404_page(server):
    response = server.get("/publications/cette-publication-n-existe-pas/")

    assert response.status == 404
    assert "Page introuvable" in response.text


def test_database_down__french_500_page(server_without_database):
    response = server_without_database.get("/")

    assert (response.status, response.content_type) == (500, "text/html")
    assert '<html lang="fr">' in response.text
    assert "Erreur du serveur" in response.text
    assert "Server Error" not in response.text
    assert "Traceback" not in response.text
    assert 'class="site-header"' in response.text
    assert '<footer class="site-footer">' in response.text
