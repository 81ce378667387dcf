"""Tests of the settings, the task backend and the deployment files."""
