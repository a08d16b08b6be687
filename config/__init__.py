"""The project package: settings for each environment, the root URLconf and WSGI."""
