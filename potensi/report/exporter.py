"""nbconvert's HTML exporter without its BeautifulSoup pass (the slowest step of a report's export).

``nbconvert.exporters.HTMLExporter.from_notebook_node`` renders the template, then parses the
whole page with BeautifulSoup and writes it back out only to add two accessibility attributes:
an ``alt`` text on each image that has none and ``tabindex="0"`` on each input and output area.
For a report of Jawa Timur (27 000 tags) that parse takes longer than the rendering itself
(1–3 s of ~4 s). :class:`ReportHTMLExporter` renders the same template and adds the same two
attributes with two regular expressions over the tags nbconvert's own templates write; nothing
else of the page changes (bs4 would also re-serialise every tag: ``<br>`` as ``<br/>``, entities
as characters), so the page is the same document, not the same bytes.

Safe here because every text from the data reaches the page escaped (a literal ``<img`` or
``<div class=`` only ever starts a real tag) and the report carries no script.
"""

from __future__ import annotations

import re

from nbconvert import HTMLExporter
from nbconvert.exporters.templateexporter import TemplateExporter
from nbconvert.filters.highlight import Highlight2HTML
from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter

__all__ = ["ReportHTMLExporter", "ALT_TEXT"]

#: nbconvert's text for an image without one.
ALT_TEXT = "No description has been provided for this image"
_IMG_WITHOUT_ALT = re.compile(r"<img\b(?![^>]*\balt=)([^>]*)>", re.IGNORECASE)
_FOCUSABLE = re.compile(
    r'<div\b(?![^>]*\btabindex=)([^>]*\bclass="[^"]*\b(?:jp-Cell-inputWrapper|jp-OutputArea-output)\b[^"]*"[^>]*)>')


def add_accessibility(page: str) -> str:
    """The two attributes nbconvert's HTMLExporter adds with BeautifulSoup, added by regex."""
    page = _IMG_WITHOUT_ALT.sub(lambda m: f'<img{m.group(1).rstrip("/").rstrip()} alt="{ALT_TEXT}"'
                                          + ("/>" if m.group(1).rstrip().endswith("/") else ">"), page)
    return _FOCUSABLE.sub(lambda m: f'<div{m.group(1)} tabindex="0">', page)


class ReportHTMLExporter(HTMLExporter):
    """:class:`nbconvert.HTMLExporter` whose post-processing is :func:`add_accessibility`.

    nbconvert validates the whole notebook against its schema after each of its twelve
    preprocessors (0.5 s for a province report); here it is validated once, before them: the
    preprocessors are nbconvert's own and only hide inputs and prompts.
    """

    def _preprocess(self, nb, resources):
        import nbformat

        nbformat.validate(nb, relax_add_props=True)
        return super()._preprocess(nb, resources)

    def _validate_preprocessor(self, nbc, preprocessor):
        return None

    def from_notebook_node(self, nb, resources=None, **kw):
        langinfo = nb.metadata.get("language_info", {})
        lexer = langinfo.get("pygments_lexer", langinfo.get("name", None))
        highlight_code = self.filters.get("highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self))
        resources = self._init_resources(resources)
        filter_data_type = WidgetsDataTypeFilter(notebook_metadata=self._nb_metadata, parent=self,
                                                 resources=resources)
        self.register_filter("highlight_code", highlight_code)
        self.register_filter("filter_data_type", filter_data_type)
        page, resources = TemplateExporter.from_notebook_node(self, nb, resources, **kw)
        return add_accessibility(page), resources
