package questionnaires

import (
	"bytes"
	"compress/flate"
	_ "embed"
	"io"
	"sync"
)

// The built-in catalogs are embedded deflated: the YAML files beside this
// one are the source (read them, review them, edit them), and the .flate
// files are what the binary carries, a fifth of the size. A test holds
// each .flate file equal to its YAML byte for byte and rewrites them with
// `go test ./questionnaires -run TestEmbeddedCatalogsMatchTheirYAML -update`.
// (compress/flate is in the binary anyway, for evidence bundles.)

var (
	//go:embed iec62443-3-3.slate2.yaml.flate
	slate2Flate []byte
	//go:embed iec62443-3-3.yaml.flate
	cor1Flate []byte
)

// embeddedFile is one built-in catalog file: its name and its deflated
// bytes.
type embeddedFile struct {
	name    string
	deflate []byte
}

// embeddedFiles are the embedded catalog versions, newest first. A change
// to the built-in catalog is a new file whose version carries the next
// slate.N suffix; the older files stay, byte for byte, so every
// assessment opens with the catalog (and hash) it records.
var embeddedFiles = []embeddedFile{
	{BuiltinFile, slate2Flate},
	{"iec62443-3-3.yaml", cor1Flate},
}

// catalogFile is a built-in catalog file as its YAML.
type catalogFile struct {
	name string
	data []byte
}

// builtinFiles inflates the embedded catalogs once.
var builtinFiles = sync.OnceValue(func() []catalogFile {
	out := make([]catalogFile, len(embeddedFiles))
	for i, f := range embeddedFiles {
		data, err := inflate(f.deflate)
		if err != nil {
			panic("built-in catalog " + f.name + " is corrupt: " + err.Error())
		}
		out[i] = catalogFile{f.name, data}
	}
	return out
})

func inflate(b []byte) ([]byte, error) {
	r := flate.NewReader(bytes.NewReader(b))
	defer r.Close()
	return io.ReadAll(r)
}

// deflate compresses a catalog file for embedding (the test that keeps the
// .flate files up to date uses it).
func deflate(b []byte) []byte {
	var buf bytes.Buffer
	w, _ := flate.NewWriter(&buf, flate.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}
