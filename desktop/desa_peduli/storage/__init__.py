"""storage layer of Desa Peduli."""
