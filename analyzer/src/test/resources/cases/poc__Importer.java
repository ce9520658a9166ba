// expect: prototype.path@1
package poc;

class Importer {
}
