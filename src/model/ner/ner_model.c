/* ner_model.c - the tags' names, and a model as a whole: its lexicon, freeing it. */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "ner_model.h"

static const char *const ner_tag_names[NER_NTAGS_ALL] = {
	"O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC",
	"B-DATE", "I-DATE",
};
static const char *const ner_type_names[NER_NTYPES] = {"", "PERS", "LOC", "ORG", "MISC", "DATE"};

const char *ner_tag_name(int tag) { return tag >= 0 && tag < NER_NTAGS_ALL ? ner_tag_names[tag] : "O"; }
const char *ner_type_name(int type) { return type > 0 && type < NER_NTYPES ? ner_type_names[type] : ""; }

int ner_tag_parse(const char *s, size_t n)
{
	for (int t = 0; t < NER_NTAGS_ALL; t++)
		if (strlen(ner_tag_names[t]) == n && memcmp(ner_tag_names[t], s, n) == 0)
			return t;
	/* ANERcorp spells the person type PERS, others PER: take both */
	if (n == 5 && (memcmp(s, "B-PER", 5) == 0 || memcmp(s, "I-PER", 5) == 0))
		return s[0] == 'B' ? 1 : 2;
	return -1;
}

const struct ner_lexicon *ner_model_lexicon(const struct ner_model *m) { return m->lex; }

void ner_model_free(struct ner_model *m)
{
	if (m == NULL)
		return;
	ner_keymap_free(&m->map);
	ner_keymap_free(&m->wordlex);
	ner_model_free(m->stack);
	free(m->w);
	free(m->qfilter);
	if (m->jpass == 0) {
		if (m->jt_bytes)
			munmap(m->jt, m->jt_bytes);
		else
			free(m->jt);
		free(m->jfilter);
	}
	if (m->qt_bytes)
		munmap(m->qt, m->qt_bytes);
	else
		free(m->qt);
	free(m);
}
