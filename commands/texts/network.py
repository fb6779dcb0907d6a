"""The netwerkkaart: powers per entity and aspect, and its drawing."""
