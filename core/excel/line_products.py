"""The products of the lines an import adds (core.excel.writer): by their titles, or as our export names them."""

from __future__ import annotations

from core.excel.columns import NO_PRODUCT_WORDS
from core.product_links import ProductResolver
from core.product_names import name_key

NO_PRODUCT = frozenset(NO_PRODUCT_WORDS)  # our export's 所属商品 of a line of no product


def products_of_lines(titles: list[str], chosen: list[str | None], resolver: ProductResolver) -> list[int | None]:
    """The products of an import's new lines, position for position (``titles``; ``chosen``: the product each
    names, or None). When none names one, each goes by its title (distinct titles: products found or created once
    each). Else some name theirs (our export's 所属商品): a line of no product
    (``NO_PRODUCT``: one the seller typed, or a deleted product's) stays without one and makes none; a line naming
    a product the book has (by name key: the products sheet was written first) gets it, even where its title would
    lead elsewhere (a product the seller renamed or merged); the others go by their title."""
    if not any(chosen):
        links = resolver.resolve(set(titles))
        return list(map(links.__getitem__, titles))
    named = {product: resolver.by_key.get(name_key(product)) for product in set(chosen)
             if product and product not in NO_PRODUCT}
    links = resolver.resolve({title for title, product in zip(titles, chosen, strict=True)
                              if not product or (named.get(product) is None and product not in NO_PRODUCT)})
    found: list[int | None] = []
    for title, product in zip(titles, chosen, strict=True):
        if product in NO_PRODUCT:
            found.append(None)
        else:
            found.append(named.get(product) if product and named.get(product) is not None else links[title])
    return found
