"""The web explorer and JSON API (``newsloom serve``): :func:`newsloom.web.app.create_app`."""
