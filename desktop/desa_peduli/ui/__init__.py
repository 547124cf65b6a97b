"""ui layer of Desa Peduli."""
