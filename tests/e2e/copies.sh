# tests/e2e/copies.sh - checks on the nine articles of copies.py, shared by reading.sh (in
# memory) and store_reading.sh (the store): source it after lib.sh.

copies_json="$E2E_TMP/copies.json"
# copies_write: the nine articles into $copies_json, the five reports of related-story a day
# apart, three copies of the first under other URLs and one of the second in other papers
copies_write() {
	local here
	here=$(dirname "${BASH_SOURCE[0]}")
	python3 "$here/copies.py" "${QARI_TEST_DATA:-$here/../data}/related-story" "$copies_json"
}

# the sidebar's rows, right of its border
sidebar_rows() { e2e_screen | sed -n 's/.*│//p'; }

# the first report open: "also in:" names its three copies by their papers (عكاظ، الرياض،
# الاقتصادية as the terminal shows them, shaped), the first published first, no slug,
# nothing cut
copies_also_in() {
	local rows
	rows=$(sidebar_rows | sed -n '/also in:/,/2015-07/p')
	grep -q "^ also in: ﻅﺎﻜﻋ، " <<<"$rows" && grep -q "ﺽﺎﻳﺮﻟﺍ" <<<"$rows" &&
		grep -q "ﺔﻳﺩﺎﺼﺘﻗﻻﺍ" <<<"$rows" &&
		! grep -q "okaz\|alriyadh\|aleqtisadiya\|…" <<<"$rows"
}

# the second report's entry (it and its copy in another paper): "2 sources" whole on a row
copies_two_sources() { sidebar_rows | grep -q "^ 2.sources$"; }
