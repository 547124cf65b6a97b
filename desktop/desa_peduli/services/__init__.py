"""services layer of Desa Peduli."""
