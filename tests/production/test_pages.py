"""Every page type of the demo, its images and its audio answer under gunicorn."""


def test_home__answers(server):
    response = server.get("/")

    assert response.status == 200
    assert response.content_type == "text/html"
