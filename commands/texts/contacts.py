"""Contacts outside Matrix and the regional contact points."""
