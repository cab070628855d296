"""Spanish messages: the English text written in the code -> the Spanish a user reads.

Written for a civil servant of Central America or Mexico, who is addressed as usted. Plan
content, field names (`status:`, `responsible:`), option names and the file's status words
(continuo, programado, pendiente, por definir, completado) stay as they are: they are what the
user types. `tests/test_messages.py` checks that every message of the code is here, with the
same {placeholders}. Terms used throughout: archivo del plan, plan activo, histórico (the
historical part, as the 2009 document says: «Pasar al histórico»), actividad, objetivo,
responsable, estado, fecha prevista (due date), plazo vencido (overdue), por resolver (the
pending items: pendiente + por definir), resultado (outcome).
"""

MESSAGES: dict[str, str] = {
    # cli.py
    ("Keep the CRM liaison network's work plan (workplan.yaml): validate it, query it, keep it "
     "current."):
        ("Mantenga el plan de trabajo de la Red de Funcionarios de Enlace de la CRM "
         "(workplan.yaml): revíselo, consúltelo y manténgalo al día."),
    "The plan file. Default: ./workplan.yaml, else the plan bundled with crmplan.":
        ("El archivo del plan. Si no se indica: ./workplan.yaml y, si no existe, el plan "
         "incluido en crmplan."),
    "Show the version of crmplan and exit.": "Muestra la versión de crmplan y termina.",
    "crmplan: no space left on the device while writing the output":
        "crmplan: no queda espacio en el dispositivo para escribir la salida",
    "No workplan.yaml here: using the CRM plan bundled with crmplan (read-only).":
        ("No hay un workplan.yaml en esta carpeta: se usa el plan de la CRM incluido en crmplan "
         "(solo lectura)."),
    ("The language of messages and help: es (español) or en (English). Default: CRMPLAN_LANG, "
     "else the locale (LANG=es_MX.UTF-8 is Spanish), else English."):
        ("El idioma de los mensajes y de la ayuda: es (español) o en (English). Si no se "
         "indica: CRMPLAN_LANG; si no, el idioma del sistema (LANG=es_MX.UTF-8 es español); si "
         "no, inglés."),
    ("crmplan: internal error ({kind}: {detail}); please report it. Set CRMPLAN_DEBUG=1 to see "
     "the details."):
        ("crmplan: error interno ({kind}: {detail}); por favor, repórtelo. Defina "
         "CRMPLAN_DEBUG=1 para ver los detalles."),
    ("Check the plan file and report every problem at once, sorted by position.\n\n"
     "Example: crmplan validate -f workplan.yaml"):
        ("Revisa el archivo del plan y señala todos los problemas a la vez, en el orden en que "
         "aparecen.\n\n"
         "Ejemplo: crmplan validate -f workplan.yaml"),
    "Plan files to check, e.g. those pre-commit passes. Default: the plan file (--file).":
        ("Archivos del plan que revisar, p. ej. los que indica pre-commit. Si no se indican: el "
         "archivo del plan (--file)."),
    ("text: one line per problem; json: a list of objects; github: annotations for GitHub "
     "Actions (::error file=...,line=...::...)."):
        ("text: una línea por problema; json: una lista de objetos; github: anotaciones para "
         "GitHub Actions (::error file=...,line=...::...)."),
    "{objectives}, {activities}, {archived} in the history":
        "{objectives}, {activities}, {archived} en el histórico",
    "{path}: {errors}, {warnings}.": "{path}: {errors}, {warnings}.",
    "{path}: {errors}.": "{path}: {errors}.",
    "{path}: no problems ({counts}).": "{path}: sin problemas ({counts}).",
    "{path}: {errors}, {warnings} ({counts}).": "{path}: {errors}, {warnings} ({counts}).",
    ("Activities naming ACTOR (short or full name; responsible, coordination or support), also "
     "through a group it belongs to. Repeat for any of several."):
        ("Actividades que nombran a ACTOR (nombre corto o completo; como responsable, en "
         "coordinación o en apoyo), también por medio de un grupo al que pertenece. Repita la "
         "opción para incluir varios."),
    "With --responsible: only activities naming the actor itself, not one of its groups.":
        ("Con --responsible: solo las actividades que nombran al actor mismo, no a uno de sus "
         "grupos."),
    ("continuo, programado, pendiente, por definir, completado (or ongoing, scheduled, tbd, "
     "done), or pending: pendiente and por definir. Repeatable."):
        ("continuo, programado, pendiente, por definir, completado (o en inglés: ongoing, "
         "scheduled, tbd, done), o bien por resolver: pendiente y por definir. Se puede "
         "repetir."),
    "Activities of a section, e.g. C. Repeatable.":
        "Actividades de una sección, p. ej. C. Se puede repetir.",
    "Activities of an objective, e.g. 9. Repeatable.":
        "Actividades de un objetivo, p. ej. 9. Se puede repetir.",
    ("Activities whose text, notes, references or outcomes contain TEXT (case and accents "
     "ignored). Repeatable."):
        ("Actividades cuyo texto, notas, referencias o resultados contienen TEXTO (sin "
         "distinguir mayúsculas ni acentos). Se puede repetir."),
    "Activities citing a document of that year.": "Actividades que citan un documento de ese año.",
    "Activities citing a document of CRM or GRCM.":
        "Actividades que citan un documento de la CRM o del GRCM.",
    "Activities due before DATE (2010-03-01, 2010-03 or 2010).":
        "Actividades con fecha prevista anterior a FECHA (2010-03-01, 2010-03 o 2010).",
    "The day that decides what is overdue. Default: today.":
        "El día que decide qué tiene el plazo vencido. Si no se indica: hoy.",
    "The historical part instead of the active plan.":
        "La parte histórica en lugar del plan activo.",
    "The active plan and the history.": "El plan activo y el histórico.",
    ("List activities, grouped by section and objective; filters combine with AND.\n\n"
     "Example: crmplan list --responsible México --status pendiente --status \"por definir\""):
        ("Lista las actividades, agrupadas por sección y objetivo; si se dan varios filtros, "
         "deben cumplirse todos.\n\n"
         "Ejemplo: crmplan list --responsible México --status pendiente --status \"por definir\""),
    "'programado' activities whose due date has passed.":
        "Actividades 'programado' cuya fecha prevista ya pasó.",
    "table (for people), json, csv (UTF-8 with BOM, for spreadsheets) or markdown.":
        "table (para leer), json, csv (UTF-8 con BOM, para hojas de cálculo) o markdown.",
    ("The state of the plan at a glance: counts by status, section and actor.\n\n"
     "Example: crmplan status --pending --responsible OIM"):
        ("El estado del plan de un vistazo: cifras por estado, sección y actor.\n\n"
         "Ejemplo: crmplan status --pending --responsible OIM"),
    "Also list the 'programado' activities whose due date has passed.":
        "Además, lista las actividades 'programado' cuya fecha prevista ya pasó.",
    "Count a group's activities for each of its members.":
        "Cuenta las actividades de un grupo para cada uno de sus miembros.",
    "text, or json: {\"counts\": ..., \"activities\": [...]}.":
        "text, o json: {\"counts\": ..., \"activities\": [...]}.",
    ("Everything about one activity or objective, active or historical.\n\n"
     "Example: crmplan show 9.3"):
        ("Todo sobre una actividad o un objetivo, del plan activo o del histórico.\n\n"
         "Ejemplo: crmplan show 9.3"),
    "An activity (9.3, I.B.1.2) or an objective (9).":
        "Una actividad (9.3, I.B.1.2) o un objetivo (9).",
    "text or json.": "text o json.",
    "No activities match.": "Ninguna actividad coincide.",
    "Print the change as a unified diff and write nothing.":
        "Muestra el cambio como un diff unificado y no escribe nada.",
    ("Move finished activities to the historical part of the plan file.\n\n"
     "Example: crmplan archive 9.3 --outcome \"Enlaces designados en los 11 países\""):
        ("Pasa las actividades terminadas a la parte histórica del archivo del plan.\n\n"
         "Ejemplo: crmplan archive 9.3 --outcome \"Enlaces designados en los 11 países\""),
    "The activities to move to the history, e.g. 9.3.":
        "Las actividades que pasar al histórico, p. ej. 9.3.",
    "Also every activity whose status is 'completado'.":
        "Además, todas las actividades con el estado 'completado'.",
    "What was achieved, recorded as an outcome.": "Lo que se logró, registrado como resultado.",
    "The archive date (2010-03-01). Default: today.":
        "La fecha en que se archiva (2010-03-01). Si no se indica: hoy.",
    "name the activities to archive (e.g. crmplan archive 9.3), or use --completed":
        ("indique las actividades que desea archivar (p. ej. crmplan archive 9.3) o use "
         "--completed"),
    "Archived {id} in the history ({date}).": "Actividad {id} archivada en el histórico ({date}).",
    "No activity has the status 'completado': nothing to archive.":
        "Ninguna actividad tiene el estado 'completado': no hay nada que archivar.",
    ("Put archived activities back where `crmplan archive` took them from.\n\n"
     "Example: crmplan restore 9.3"):
        ("Devuelve actividades archivadas al lugar de donde `crmplan archive` las tomó.\n\n"
         "Ejemplo: crmplan restore 9.3"),
    "Archived activities to put back, e.g. 9.3.":
        "Actividades archivadas que devolver, p. ej. 9.3.",
    "Restored {id} to the active plan.": "Actividad {id} restaurada en el plan activo.",
    "Dry run: {path} was not changed.": "Simulación: {path} no se modificó.",
    ("Print the JSON Schema of the plan file, for editors to complete and check it.\n\n"
     "VS Code (with the YAML extension) and JetBrains editors read it through the first line '# "
     "yaml-language-server: $schema=workplan.schema.json'. The sections it accepts are those "
     "the plan declares: generate it again after adding one.\n\n"
     "Example: crmplan schema > workplan.schema.json"):
        ("Muestra el JSON Schema del archivo del plan, con el que los editores completan y "
         "revisan los campos.\n\n"
         "VS Code (con la extensión YAML) y los editores de JetBrains lo leen por la primera "
         "línea '# yaml-language-server: $schema=workplan.schema.json'. Las secciones que "
         "acepta son las que declara el plan: genérelo de nuevo después de agregar una.\n\n"
         "Ejemplo: crmplan schema > workplan.schema.json"),
    ("Write a new plan file to start from; never overwrites a file.\n\n"
     "The new plan has the document data (dated today), the CRM member states and the Technical "
     "Secretariat as actors, and no objectives yet; it validates without problems.\n\n"
     "Example: crmplan init plans/workplan.yaml --git"):
        ("Escribe un nuevo archivo del plan para empezar; nunca sobrescribe un archivo.\n\n"
         "El nuevo plan trae los datos del documento (con la fecha de hoy), los Estados "
         "miembros de la CRM y la Secretaría Técnica como actores, y todavía ningún objetivo; "
         "se valida sin problemas.\n\n"
         "Ejemplo: crmplan init planes/workplan.yaml --git"),
    ("Also set git up to merge it with crmplan, as crmplan git-setup does (the plan must be in "
     "a git repository)."):
        ("Configura además git para fusionarlo con crmplan, como crmplan git-setup (el plan debe "
         "estar en un repositorio de git)."),
    "Where to write it. Default: ./workplan.yaml.":
        "Dónde escribirlo. Si no se indica: ./workplan.yaml.",
    "The plan's 'updated' date (2010-03-01). Default: today.":
        "La fecha 'updated' del plan (2010-03-01). Si no se indica: hoy.",
    ("Wrote {path}, a new plan to fill in. Check it after each change: crmplan validate -f "
     "{path}"):
        ("Se escribió {path}, un nuevo plan para completar. Revíselo después de cada cambio: "
         "crmplan validate -f {path}"),
    "crmplan: {message}": "crmplan: {message}",
    # validate.py
    "the plan file": "el archivo del plan",
    # problems.py
    "error": "error",
    "warning": "advertencia",
    # source.py
    "{path}: is a folder, not a plan file": "{path}: es una carpeta, no un archivo del plan",
    "{path}: the file is {size} MB; a plan file may be at most {limit} MB":
        ("{path}: el archivo ocupa {size} MB; un archivo del plan puede ocupar como máximo "
         "{limit} MB"),
    "{path}: no such file": "{path}: el archivo no existe",
    "{path}: you do not have permission to read this file":
        "{path}: usted no tiene permiso para leer este archivo",
    "{path}: cannot be read ({reason})": "{path}: no se puede leer ({reason})",
    "the file is saved as UTF-16; save it as UTF-8 (in Notepad: Save as, Encoding UTF-8)":
        ("el archivo está guardado en UTF-16; guárdelo en UTF-8 (en el Bloc de notas: Guardar "
         "como, Codificación UTF-8)"),
    "the file contains a NUL byte: it looks like a binary file, not a YAML text":
        "el archivo contiene un byte NUL: parece un archivo binario, no un texto YAML",
    "the file is not UTF-8 text (byte 0x{byte:02x} here); save it with the encoding UTF-8":
        ("el archivo no es texto UTF-8 (aquí hay un byte 0x{byte:02x}); guárdelo con la "
         "codificación UTF-8"),
    "aliases (*{name}) are not allowed in a plan file; write the value out in full":
        "los alias (*{name}) no se permiten en un archivo del plan; escriba el valor completo",
    "a second YAML document starts here ('---'); a plan file holds exactly one":
        "aquí empieza un segundo documento YAML ('---'); un archivo del plan contiene uno solo",
    ("the file is nested more than {depth} levels deep here; a plan file is at most {depth} "
     "levels deep"):
        ("aquí el archivo tiene más de {depth} niveles de anidamiento; un archivo del plan "
         "tiene como máximo {depth} niveles"),
    "a list or mapping is used as a key here; keys are plain words like 'text'":
        ("aquí se usa una lista o un conjunto de campos como clave; las claves son palabras "
         "simples como 'text'"),
    "merge keys ('<<') are not supported in a plan file; write the fields out in full":
        ("las claves de combinación ('<<') no se admiten en un archivo del plan; escriba los "
         "campos completos"),
    "'{key}' appears twice in the same mapping (first at line {line}); remove or rename one":
        ("'{key}' aparece dos veces en el mismo conjunto de campos (la primera en la línea "
         "{line}); elimine una de las dos o cámbiele el nombre"),
    "the tag '{tag}' is not allowed in a plan file; remove it (nothing was run)":
        ("la etiqueta '{tag}' no se permite en un archivo del plan; elimínela (no se ejecutó "
         "nada)"),
    "this line is indented with a tab; YAML needs spaces for indentation":
        "esta línea tiene sangría con tabulador; YAML necesita espacios para la sangría",
    "a space is missing after '{key}:'; write '{key}: ...'":
        "falta un espacio después de '{key}:'; escriba '{key}: ...'",
    "a tab character here; YAML needs spaces, not tabs":
        "aquí hay un tabulador; YAML necesita espacios, no tabuladores",
    ("a ':' followed by a space is not allowed here; if the text itself contains ': ', put the "
     "whole text in double quotes"):
        ("aquí no se permite ':' seguido de un espacio; si el texto mismo contiene ': ', ponga "
         "todo el texto entre comillas dobles"),
    "a line is missing its ':' (write 'key: value'), or is indented wrongly":
        "a una línea le falta su ':' (escriba 'campo: valor') o su sangría no es correcta",
    "this line is not indented like the lines around it, or a quote or bracket is not closed":
        ("esta línea no tiene la misma sangría que las de alrededor, o falta cerrar unas "
         "comillas o un corchete"),
    "this list item is not indented like the items before it":
        "este elemento de la lista no tiene la misma sangría que los anteriores",
    "a value is missing here, or the line is indented wrongly":
        "aquí falta un valor, o la sangría de la línea no es correcta",
    "the file ends inside a quoted text or a bracket: a closing quote or bracket is missing":
        ("el archivo termina dentro de un texto entre comillas o entre corchetes: falta cerrar "
         "unas comillas o un corchete"),
    "a backslash in double quotes starts an unknown escape; use single quotes, or write \\\\":
        ("una barra invertida entre comillas dobles inicia una secuencia de escape desconocida; "
         "use comillas simples, o escriba \\\\"),
    "a list in brackets is not closed properly: a ']' or a ',' is missing":
        "una lista entre corchetes no está bien cerrada: falta un ']' o una ','",
    "a mapping in braces is not closed properly: a '}' or a ',' is missing":
        "un conjunto de campos entre llaves no está bien cerrado: falta una '}' o una ','",
    "this character cannot start a value; put the text in double quotes":
        "un valor no puede empezar con este carácter; ponga el texto entre comillas dobles",
    "the file contains a control character that a text file cannot hold":
        "el archivo contiene un carácter de control que un archivo de texto no puede contener",
    "an unknown '!' tag; remove it, or put the text in quotes":
        "una etiqueta '!' desconocida; elimínela, o ponga el texto entre comillas",
    "the YAML syntax is broken here ({detail})": "aquí la sintaxis YAML no es válida ({detail})",
    # fieldreader.py
    "a mapping (fields)": "un conjunto de campos",
    "a list": "una lista",
    "nothing": "un valor vacío",
    "a text": "un texto",
    "{what} should be a mapping of fields, but this is {found}":
        "{what} debe ser un conjunto de campos, pero aquí hay {found}",
    "{what} should be a list ('- ' items), but this is {found}":
        "{what} debe ser una lista (elementos '- '), pero aquí hay {found}",
    "'{key}' is not a field of {what}": "'{key}' no es un campo válido en {what}",
    "; did you mean '{hint}'?": "; ¿quiso decir '{hint}'?",
    " (fields: {fields})": " (campos: {fields})",
    "{what} has no '{field}'; add '{field}: ...'":
        "falta '{field}' en {what}; agregue '{field}: ...'",
    "'{field}' is empty; write a value after the ':'":
        "'{field}' está vacío; escriba un valor después de ':'",
    "'{field}' should be a text, but this is {found}":
        "'{field}' debe ser un texto, pero aquí hay {found}",
    "each item of '{field}' should be a text, but this is {found}":
        "cada elemento de '{field}' debe ser un texto, pero aquí hay {found}",
    # validate.py
    ("the file is empty; a plan starts with 'document:', 'actors:', 'sections:' and "
     "'objectives:' (see the README)"):
        ("el archivo está vacío; un plan empieza con 'document:', 'actors:', 'sections:' y "
         "'objectives:' (vea el README)"),
    # reader.py
    "'document'": "'document'",
    "'actors'": "'actors'",
    "the group '{name}'": "el grupo '{name}'",
    "'areas'": "'areas'",
    "'sections'": "'sections'",
    "section '{id}'": "la sección '{id}'",
    "an objective": "un objetivo",
    "objective {id}": "el objetivo {id}",
    "an activity": "una actividad",
    "an outcome": "un resultado",
    # rules: what each rule checks (rules/*.py, EXPLANATION)
    ("Every name under responsible, coordination and support is declared under 'actors', as a "
     "short name or a group; a name close to a declared one is pointed out as a likely typo."):
        ("Cada nombre en responsible, coordination y support está declarado en 'actors', como "
         "nombre corto o como grupo; si un nombre se parece a uno declarado, se señala como un "
         "probable error de escritura."),
    "A yes-or-no field, such as action_plan, says true or false.":
        "Un campo de sí o no, como action_plan, dice true o false.",
    ("No value or key holds a character that cannot be seen: a control character (a tab or a "
     "line break only inside a text of several lines), a Unicode line or paragraph separator, or "
     "a bidirectional mark, which reorders what a reader sees. Printed, they can clear a "
     "terminal or hide text."):
        ("Ningún valor ni clave contiene un carácter que no se ve: un carácter de control (un "
         "tabulador o un salto de línea, solo dentro de un texto de varias líneas), un separador "
         "de línea o de párrafo de Unicode, o una marca bidireccional, que cambia el orden en "
         "que se lee el texto. Al imprimirse, pueden borrar una terminal u ocultar texto."),
    ("A date, such as the document's 'updated' or an archived activity's 'archived', is written "
     "YYYY-MM-DD and is a day of the calendar."):
        ("Una fecha, como 'updated' del documento o 'archived' de una actividad archivada, se "
         "escribe AAAA-MM-DD y es un día que existe en el calendario."),
    ("An activity 'programado' has a due date: a year, a year and month or a full date that "
     "exists (2010, 2010-02, 2010-02-15). A due date on an activity with another status is a "
     "warning, since only 'programado' uses it."):
        ("Una actividad 'programado' tiene fecha prevista: un año, un año y mes o una fecha "
         "completa que exista (2010, 2010-02, 2010-02-15). Una fecha prevista en una actividad "
         "con otro estado es una advertencia, porque solo 'programado' la usa."),
    ("No two objectives of the active plan share an id, nor two objectives of the history, nor "
     "any two activities of the whole plan: an id names one item."):
        ("No hay dos objetivos del plan activo con el mismo id, ni dos objetivos del histórico, "
         "ni dos actividades en todo el plan: cada id nombra un solo elemento."),
    "An objective of the active plan has at least one activity.":
        "Un objetivo del plan activo tiene al menos una actividad.",
    ("A group's members are declared actors or plain names, never groups. A member whose name "
     "is close to a declared actor's is a warning: it is probably that actor, mistyped."):
        ("Los miembros de un grupo son actores declarados o nombres, nunca grupos. Un miembro "
         "cuyo nombre se parece al de un actor declarado es una advertencia: probablemente es "
         "ese actor, mal escrito."),
    'An id is numbers and letters separated by dots, e.g. "9" or "9.3".':
        'Un id consta de números y letras separados por puntos, p. ej. "9" o "9.3".',
    ("An activity's id is its objective's id, a dot and a number: 9.3 is the third activity of "
     "objective 9."):
        ("El id de una actividad es el id de su objetivo, un punto y un número: 9.3 es la "
         "tercera actividad del objetivo 9."),
    ("An id that looks like a number, such as 6.10 or 07, is written in quotes (\"6.10\"): "
     "other YAML tools, and editors, read it as the number 6.1 or 7."):
        ("Un id que parece un número, como 6.10 o 07, se escribe entre comillas (\"6.10\"): "
         "otras herramientas de YAML, y los editores, lo leen como el número 6.1 o 7."),
    ("'origin' is written by crmplan archive on an activity of the history, so that crmplan "
     "restore can put it back: it has no place in the active plan, and its 'position' is a "
     "number."):
        ("'origin' lo escribe crmplan archive en una actividad del histórico, para que crmplan "
         "restore pueda devolverla a su lugar: no corresponde al plan activo, y su 'position' "
         "es un número."),
    ("A reference, in 'ref' or as '(Ref.: ...)' in an activity's note, can be read: a point, "
     "a body, a kind of document, a month and a year, e.g. p. 5.b, GRCM, Inf. Red Trata, "
     "noviembre, 2008."):
        ("Una referencia, en 'ref' o como '(Ref.: ...)' en una nota de una actividad, se puede "
         "leer: un punto, un órgano, un tipo de documento, un mes y un año, p. ej. p. 5.b, "
         "GRCM, Inf. Red Trata, noviembre, 2008."),
    ("A note that says the objective will be removed from the plan if nothing is identified "
     "(\"si no se identifican...\") is pointed out as a reminder that something is still to be "
     "done, in a plan whose document has 'removes_undefined_objectives: true' (as the 2009 CRM "
     "plan). Identify what the note asks for, or remove the objective."):
        ("Una nota que dice que el objetivo se eliminará del plan si no se identifica nada "
         "(\"si no se identifican...\") se señala como recordatorio de que algo sigue "
         "pendiente, en un plan cuyo documento tiene 'removes_undefined_objectives: true' (como "
         "el plan de la CRM de 2009). Identifique lo que pide la nota o elimine el objetivo."),
    ("An activity of the active plan names someone under 'responsible', unless its status is "
     "still 'por definir'."):
        ("Una actividad del plan activo nombra a alguien en 'responsible', salvo que su estado "
         "siga siendo 'por definir'."),
    ("An objective's section is declared under 'sections', and a section's area under 'areas' "
     "(when the plan has areas)."):
        ("La sección de un objetivo está declarada en 'sections', y el área de una sección, en "
         "'areas' (cuando el plan tiene áreas)."),
    ("A status is one of continuo, programado, pendiente, por definir and completado (case and "
     "accents do not matter); an activity in the history is 'completado'. The status an "
     "archived activity had, kept in its 'origin', is one of them too."):
        ("Un estado es continuo, programado, pendiente, por definir o completado (no importan "
         "las mayúsculas ni los acentos); una actividad del histórico tiene el estado "
         "'completado'. El estado que tenía una actividad archivada, guardado en su 'origin', "
         "también es uno de ellos."),
    ("Every activity of an objective of the active plan is still 'por definir', in a plan that "
     "says objectives without defined activities are removed from it (its document has "
     "'removes_undefined_objectives: true', as the 2009 CRM plan's notes say). Define an "
     "activity, or remove the objective. A plan without that line is not checked for this."):
        ("Todas las actividades de un objetivo del plan activo siguen 'por definir', en un plan "
         "que dice que los objetivos sin actividades definidas se eliminan de él (su documento "
         "tiene 'removes_undefined_objectives: true', como dicen las notas del plan de la CRM de "
         "2009). Defina una actividad o elimine el objetivo. Un plan sin esa línea no se revisa "
         "en este aspecto."),
    # rules: control-character
    "the text holds {character}, a control character that cannot be seen; delete it":
        "el texto contiene {character}, un carácter de control que no se ve; elimínelo",
    ("the text holds {character}, an invisible character that changes how the text around it "
     "is shown; delete it"):
        ("el texto contiene {character}, un carácter invisible que cambia cómo se muestra el "
         "texto que lo rodea; elimínelo"),
    ("a text on a single line cannot hold {character}; write a space instead, or write the text "
     "as a block ('|') over several lines"):
        ("un texto de una sola línea no puede contener {character}; escriba un espacio en su "
         "lugar, o escriba el texto como bloque ('|') en varias líneas"),
    # rules: their problems
    "'{field}' is '{value}'; write true or false": "'{field}' es '{value}'; escriba true o false",
    "'{field}' is '{value}', which is not a date; write it as YYYY-MM-DD, e.g. 2009-11-26":
        ("'{field}' es '{value}', que no es una fecha; escríbala como AAAA-MM-DD, p. ej. "
         "2009-11-26"),
    "'{member}' cannot be a member of '{group}': groups hold actors, not groups":
        "'{member}' no puede ser miembro de '{group}': los grupos reúnen actores, no grupos",
    "'{member}' is not a declared actor; did you mean '{hint}'?":
        "'{member}' no es un actor declarado; ¿quiso decir '{hint}'?",
    "area": "el área",
    "objective": "objetivo",
    "objective {id} has no activities; add one or remove the objective":
        "el objetivo {id} no tiene actividades; agregue una o elimine el objetivo",
    "{what} id '{id}' should be numbers and letters separated by dots, e.g. \"9.3\"":
        ("el id de {what} '{id}' debe constar de números y letras separados por puntos, p. ej. "
         "\"9.3\""),
    "id {id} is not in quotes: YAML tools read it as the number {number}; write id: \"{id}\"":
        ("el id {id} no está entre comillas: las herramientas de YAML lo leen como el número "
         "{number}; escriba id: \"{id}\""),
    "{what} id '{id}' is used twice (also at line {line})":
        "el id de {what} '{id}' se usa dos veces (también en la línea {line})",
    "activity": "actividad",
    ("activity '{id}' is under objective {objective}; its id should be '{objective}.' followed "
     "by a number, e.g. '{objective}.1'"):
        ("la actividad '{id}' está en el objetivo {objective}; su id debe ser '{objective}.' "
         "seguido de un número, p. ej. '{objective}.1'"),
    "activity {id} has nobody responsible": "la actividad {id} no tiene ningún responsable",
    "an activity in the history is 'completado', not '{value}'":
        "una actividad del histórico tiene el estado 'completado', no '{value}'",
    "status": "estado",
    ("status 'programado' needs a due date: add 'due: 2010-02' (a year, year-month or date) on "
     "the next line"):
        ("el estado 'programado' requiere una fecha prevista: agregue 'due: 2010-02' (un año, "
         "año-mes o fecha) en la línea siguiente"),
    "a due date is only used with status 'programado'; this activity is '{status}'":
        ("la fecha prevista solo se usa con el estado 'programado'; esta actividad tiene el "
         "estado '{status}'"),
    ("'origin' is written by crmplan archive and belongs to activities in the history; remove "
     "it here"):
        ("'origin' lo escribe crmplan archive y corresponde a actividades del histórico; "
         "elimínelo aquí"),
    "'position' is a number, not '{value}'": "'position' es un número, no '{value}'",
    ("this note says the objective would be removed from the plan if nothing is identified: "
     "identify it, or remove the objective"):
        ("esta nota dice que el objetivo se eliminaría del plan si no se identifican "
         "actividades: identifíquelas o elimine el objetivo"),
    ("the reference '{ref}' cannot be read: {parts} is not a point (p. 5), a body (CRM, GRCM), "
     "a kind of document (Deci., Decla., Concl., CC, Inf. Red Trata), a month or a year"):
        ("no se puede leer la referencia '{ref}': {parts} no es un punto (p. 5), un órgano "
         "(CRM, GRCM), un tipo de documento (Deci., Decla., Concl., CC, Inf. Red Trata), un mes "
         "ni un año"),
    "the reference '{ref}' has no year": "la referencia '{ref}' no tiene año",
    ("every activity of objective {id} is still 'por definir'; the plan says objectives without "
     "defined activities are removed from it"):
        ("todas las actividades del objetivo {id} siguen 'por definir'; el plan dice que los "
         "objetivos sin actividades definidas se eliminan de él"),
    "section": "la sección",
    "actor": "el actor",
    "; declare it under 'actors'": "; declárelo en 'actors'",
    "{what} '{value}' is not declared": "{what} '{value}' no se ha declarado",
    "'{value}' is not a status": "'{value}' no es un estado",
    " (known: {known})": " (valores válidos: {known})",
    "the due date '{value}' has no such month; months go from 01 to 12":
        "la fecha prevista '{value}' tiene un mes que no existe; los meses van del 01 al 12",
    "the due date '{value}' has no such day in that month":
        "la fecha prevista '{value}' tiene un día que no existe en ese mes",
    "the due date '{value}' has an implausible year":
        "la fecha prevista '{value}' tiene un año poco creíble",
    ("the due date '{value}' is not a date; write a year (2010), a year and month (2010-02) or "
     "a full date (2010-02-15)"):
        ("la fecha prevista '{value}' no es una fecha; escriba un año (2010), un año y mes "
         "(2010-02) o una fecha completa (2010-02-15)"),
    # planfile.py
    "{path} has errors; fix them first (crmplan validate lists them)":
        "{path} tiene errores; corríjalos primero (crmplan validate los muestra)",
    # lookup.py
    "'{word}' is not a declared actor; did you mean {hints}?":
        "'{word}' no es un actor declarado; ¿quiso decir {hints}?",
    "'{word}' is not a declared actor (known: {known})":
        "'{word}' no es un actor declarado (actores declarados: {known})",
    ("'{word}' is not a status{hint} (valid: {valid}; in English: {aliases}; pending: pendiente "
     "and por definir)"):
        ("'{word}' no es un estado{hint} (estados válidos: {valid}; en inglés: {aliases}; por "
         "resolver: pendiente y por definir)"),
    "'{word}' is not a section{hint} (known: {known})":
        "'{word}' no es una sección{hint} (secciones: {known})",
    "'{word}' is not a body whose documents the plan cites{hint} (known: {known})":
        "'{word}' no es un órgano cuyos documentos cite el plan{hint} (órganos: {known})",
    "'{word}' is not an objective{hint}": "'{word}' no es un objetivo{hint}",
    "objective {id} is in the history; add --archived or --all":
        "el objetivo {id} está en el histórico; agregue --archived o --all",
    ("objective {id} is in the active plan, not in the history; use --all or leave out "
     "--archived"):
        ("el objetivo {id} está en el plan activo, no en el histórico; use --all o quite "
         "--archived"),
    "no activity or objective has the id '{word}'{hint}":
        "ninguna actividad ni objetivo tiene el id '{word}'{hint}",
    "'{text}' is not a date for {option}; write it as 2010-03-01":
        "'{text}' no es una fecha válida para {option}; escríbala como 2010-03-01",
    "'{text}' is not a date for {option}; write 2010, 2010-03 or 2010-03-01":
        "'{text}' no es una fecha válida para {option}; escriba 2010, 2010-03 o 2010-03-01",
    "; did you mean {hints}?": "; ¿quiso decir {hints}?",
    "{first} or {last}": "{first} o {last}",
    # edit.py
    ("{id} is written in braces ({{...}}) on one line; archive and restore need it written with "
     "one field a line"):
        ("{id} está escrito entre llaves ({{...}}) en una sola línea; archive y restore necesitan "
         "que esté escrito con un campo por línea"),
    "{id} is already in the history{when}; nothing was changed":
        "{id} ya está en el histórico{when}; no se cambió nada",
    " (archived {date})": " (archivada el {date})",
    "{id} is in the active plan, not in the history; nothing was changed":
        "{id} está en el plan activo, no en el histórico; no se cambió nada",
    ("{id} has no 'origin': it was never in the active plan, so it cannot be restored; nothing "
     "was changed"):
        ("{id} no tiene 'origin': nunca estuvo en el plan activo, así que no se puede "
         "restaurar; no se cambió nada"),
    "no activity has the id '{id}'{hint}": "ninguna actividad tiene el id '{id}'{hint}",
    "the plan file cannot be read; run crmplan validate":
        "no se puede leer el archivo del plan; ejecute crmplan validate",
    "{id} has no 'origin': it was never in the active plan, so it cannot be restored":
        "{id} no tiene 'origin': nunca estuvo en el plan activo, así que no se puede restaurar",
    "{id} is not in the {part}": "{id} no está en el {part}",
    "active plan": "plan activo",
    "history": "histórico",
    "{id} has no status": "{id} no tiene estado",
    "{id} has its outcomes written in brackets; write them as a '- ' list to add one":
        ("{id} tiene sus resultados escritos entre corchetes; escríbalos como una lista de "
         "elementos '- ' para agregar uno"),
    "{id} has no status to restore": "{id} no tiene un estado que restaurar",
    "the status of {id} spans several lines": "el estado de {id} ocupa varias líneas",
    ("objective {id} is in both parts with different titles, fields or comments; make them the "
     "same first"):
        ("el objetivo {id} está en ambas partes con títulos, campos o comentarios distintos; "
         "iguálelos primero"),
    "'{key}' is not written as a '- ' list; write it as one first":
        "'{key}' no está escrito como una lista de elementos '- '; escríbalo así primero",
    # store.py
    "{path}: {message}": "{path}: {message}",
    ("the plan bundled with crmplan is read-only; copy it to ./workplan.yaml or name your plan "
     "file with --file"):
        ("el plan incluido en crmplan es de solo lectura; cópielo a ./workplan.yaml o indique "
         "su archivo del plan con --file"),
    "the change would leave {path} with errors, so nothing was written; please report this":
        ("el cambio dejaría {path} con errores, así que no se escribió nada; por favor, "
         "repórtelo"),
    ("{path} changed on disk while crmplan was working (saved by an editor?); nothing was "
     "written: run the command again"):
        ("{path} cambió en el disco mientras crmplan trabajaba (¿lo guardó un editor?); no se "
         "escribió nada: vuelva a ejecutar el comando"),
    "{path} could not be written correctly; the original was kept":
        "{path} no se pudo escribir correctamente; se conservó el original",
    "{path} could not be written ({reason}); it was left as it was":
        "{path} no se pudo escribir ({reason}); quedó como estaba",
    "cannot create the lock file {lock} ({reason}); is the folder writable?":
        ("no se puede crear el archivo de bloqueo {lock} ({reason}); ¿se puede escribir en la "
         "carpeta?"),
    ("another crmplan is changing {path} and has not finished after {seconds:g} seconds; try "
     "again"):
        ("otro crmplan está modificando {path} y no ha terminado después de {seconds:g} "
         "segundos; inténtelo de nuevo"),
    # skeleton.py
    ("{path} already exists; crmplan init never overwrites a file: choose another name, or move "
     "that file away first"):
        ("{path} ya existe; crmplan init nunca sobrescribe un archivo: elija otro nombre, o "
         "antes mueva ese archivo a otro lugar"),
    "{path} could not be created ({reason})": "no se pudo crear {path} ({reason})",
    "{path} could not be written ({reason})": "no se pudo escribir {path} ({reason})",
    # render/item.py
    "Activity": "Actividad",
    "Objective": "Objetivo",
    "Text": "Texto",
    "References": "Referencias",
    "Status": "Estado",
    "Status note": "Nota de estado",
    "Note": "Nota",
    "Plan of Action": "Plan de Acción",
    "Line in the file": "Línea del archivo",
    "Section": "Sección",
    "Area": "Área",
    "(in {field})": "(en {field})",
    "read as: {reading}": "leída como: {reading}",
    "Responsible": "Responsable",
    "Coordination": "Coordinación",
    "Support": "Apoyo",
    "Responsible note": "Nota de responsable",
    "(members: {members})": "(miembros: {members})",
    "(member of {groups})": "(miembro de {groups})",
    "due {date}": "fecha prevista {date}",
    "(overdue as of {date})": "(plazo vencido al {date})",
    "(pending: pendiente or por definir)": "(por resolver: pendiente o por definir)",
    "yes": "sí",
    "no": "no",
    "Ref.: {ref}": "Ref.: {ref}",
    "date not recorded": "fecha no registrada",
    ", from objective {objective} (crmplan restore {id} puts it back)":
        ", del objetivo {objective} (crmplan restore {id} la devuelve)",
    "Outcomes": "Resultados",
    "Archived": "Archivada",
    "Title": "Título",
    # render/layout.py
    "History": "Histórico",
    "Active plan": "Plan activo",
    "{actor} ({role})": "{actor} ({role})",
    "responsible": "responsable",
    "coordination": "coordinación",
    "support": "apoyo",
    "overdue": "plazo vencido",
    "point {point}": "punto {point}",
    "meeting {meeting}": "reunión {meeting}",
    "month {month}": "mes {month}",
    "not read": "no leída",
    # render/markdown.py and render/table.py
    "Id": "Id",
    # render/status.py
    ("{activities} as of {date}: {pending} pending (pendiente + por definir), {overdue} "
     "overdue; {archived} in the history."):
        ("{activities} al {date}: {pending} por resolver (pendiente + por definir), {overdue} "
         "con plazo vencido; {archived} en el histórico."),
    "Pending and overdue activities: {n}.": "Actividades por resolver y con plazo vencido: {n}.",
    "Pending activities (pendiente + por definir): {n}.":
        "Actividades por resolver (pendiente + por definir): {n}.",
    "Overdue activities (programado, due date passed as of {date}): {n}.":
        "Actividades con plazo vencido (programado, fecha prevista pasada al {date}): {n}.",
    "Total": "Total",
    "pending": "por resolver",
    "total": "total",
    "Actor (by member)": "Actor (por miembro)",
    "Actor": "Actor",
    "Activities": "Actividades",
    "Pending": "Por resolver",
    "Overdue": "Plazo vencido",
    # cli.py: export, report, changes
    "Write to FILE instead of the standard output.":
        "Escribe en ARCHIVO en lugar de la salida estándar.",
    ("Export the plan as the document circulated before each meeting.\n\n"
     "Markdown, HTML (one printable page), Word, csv or json. The whole document (the active "
     "plan, then the history) in the layout of the 2009 table, or the slice the filters select "
     "(the filters of list). The format follows the -o file's extension unless --format is "
     "given; markdown otherwise.\n\n"
     "Example: crmplan export --format html -o plan.html"):
        ("Exporta el plan como el documento que se circula antes de cada reunión.\n\n"
         "Markdown, HTML (una página imprimible), Word, csv o json. El documento completo (el "
         "plan activo y luego el histórico) con la disposición de la tabla de 2009, o la parte "
         "que seleccionen los filtros (los de list). El formato sigue la extensión del archivo "
         "de -o si no se indica --format; si no, markdown.\n\n"
         "Ejemplo: crmplan export --format html -o plan.html"),
    ("markdown, html (one self-contained page), docx (Word), csv or json (one record per "
     "activity)."):
        ("markdown, html (una página autónoma), docx (Word), csv o json (un registro por "
         "actividad)."),
    "Only the active plan, without the historical part.":
        "Solo el plan activo, sin la parte histórica.",
    ("An action sheet: what one actor owes, overdue items first.\n\n"
     "Every active activity naming the actor, directly or through a group it belongs to, with "
     "its references: overdue, then pending, scheduled (by due date) and ongoing. With "
     "--each-member, one sheet per member of a group, written into the folder given with -o "
     "(markdown unless --format says otherwise). With --format xlsx, a workbook for the actor to "
     "answer (new status, new due date, progress note, outcome), which crmplan apply reads "
     "back.\n\n"
     "Example: crmplan report --responsible México --format markdown -o mexico.md"):
        ("Una hoja de compromisos: lo que debe un actor, primero lo que tiene el plazo vencido."
         "\n\n"
         "Todas las actividades del plan activo que nombran al actor, directamente o por medio "
         "de un grupo al que pertenece, con sus referencias: con plazo vencido, luego por "
         "resolver, programadas (por fecha prevista) y continuas. Con --each-member, una hoja "
         "por cada miembro de un grupo, escritas en la carpeta indicada con -o (en markdown si "
         "--format no dice otra cosa). Con --format xlsx, un libro de Excel para que el actor "
         "responda (nuevo estado, nueva fecha prevista, nota de avance, resultado), que crmplan "
         "apply lee de vuelta.\n\n"
         "Ejemplo: crmplan report --responsible México --format markdown -o mexico.md"),
    "The actor (short or full name), or with --each-member a group.":
        "El actor (nombre corto o completo) o, con --each-member, un grupo.",
    "One sheet per member of the group, written into the folder -o DIR.":
        "Una hoja por cada miembro del grupo, escritas en la carpeta -o CARPETA.",
    "table (for the terminal, or text in a file), markdown, html or docx (Word).":
        "table (para la terminal, o texto en un archivo), markdown, html o docx (Word).",
    ("table (for the terminal, or text in a file), markdown, html, docx (Word) or xlsx (a "
     "workbook to answer, for crmplan apply)."):
        ("table (para la terminal, o texto en un archivo), markdown, html, docx (Word) o xlsx (un "
         "libro de Excel para responder, para crmplan apply)."),
    ("Write to the file PATH, or into the folder PATH under the actor's name (always a folder "
     "with --each-member), instead of the standard output."):
        ("Escribe en el archivo RUTA, o en la carpeta RUTA con el nombre del actor (siempre una "
         "carpeta con --each-member), en lugar de la salida estándar."),
    "--each-member writes one file per member: name the folder with -o, e.g. -o sheets/":
        ("--each-member escribe un archivo por miembro: indique la carpeta con -o, p. ej. -o "
         "hojas/"),
    ("What changed between two versions of the plan, section by section.\n\n"
     "Activities added, removed, archived (with their outcomes) and restored; changes of status, "
     "of responsible actors and of due dates; edits of texts, references and notes, word by "
     "word. Then the objectives, sections, areas, actors, meetings and document data added, "
     "removed or edited. The older version is OLD_FILE, or with --since the plan file as "
     "committed in git; the newer one is NEW_FILE, else the plan file.\n\n"
     "Example: crmplan changes --since HEAD~1 --format markdown"):
        ("Lo que cambió entre dos versiones del plan, sección por sección.\n\n"
         "Actividades añadidas, eliminadas, archivadas (con sus resultados) y restauradas; "
         "cambios de estado, de actores responsables y de fechas previstas; ediciones de textos, "
         "referencias y notas, palabra por palabra. Después, los objetivos, secciones, áreas, "
         "actores, reuniones y datos del documento añadidos, eliminados o editados. La versión "
         "anterior es ARCHIVO_ANTERIOR o, con --since, el archivo del plan tal como se guardó "
         "en git; la más reciente es ARCHIVO_NUEVO o, si no se indica, el archivo del plan.\n\n"
         "Ejemplo: crmplan changes --since HEAD~1 --format markdown"),
    ("The older plan file (not with --since), then the newer one. Default for the newer one: "
     "the plan file (--file)."):
        ("El archivo del plan anterior (no con --since) y luego el más reciente. Si no se "
         "indica el más reciente: el archivo del plan (--file)."),
    ("Compare with the plan file as committed in the git revision REV (a commit, tag or branch, "
     "e.g. HEAD~1 or v2009-11)."):
        ("Compara con el archivo del plan tal como se guardó en la revisión REVISIÓN de git (un "
         "commit, una etiqueta o una rama, p. ej. HEAD~1 o v2009-11)."),
    "table, markdown (for a meeting note) or json.":
        "table, markdown (para el acta de una reunión) o json.",
    ("say which version to compare with: crmplan changes --since HEAD~1, or crmplan changes "
     "OLD.yaml [NEW.yaml]"):
        ("indique con qué versión comparar: crmplan changes --since HEAD~1, o crmplan changes "
         "ANTERIOR.yaml [NUEVO.yaml]"),
    "too many files: give OLD_FILE and NEW_FILE, or --since REV and at most NEW_FILE":
        ("demasiados archivos: indique ARCHIVO_ANTERIOR y ARCHIVO_NUEVO, o --since REVISIÓN y "
         "como máximo ARCHIVO_NUEVO"),
    "Wrote {path}.": "Se escribió {path}.",
    "a Word file cannot be shown in the terminal: write it to a file with -o, e.g. -o plan.docx":
        ("un archivo de Word no se puede mostrar en la terminal: escríbalo en un archivo con "
         "-o, p. ej. -o plan.docx"),
    # outfile.py
    "{path} is a folder; give the name of a file in it":
        "{path} es una carpeta; indique el nombre de un archivo dentro de ella",
    "{path} is a file, not a folder; --each-member writes one file per member into a folder":
        ("{path} es un archivo, no una carpeta; --each-member escribe un archivo por miembro "
         "en una carpeta"),
    "the folder {path} could not be created ({reason})":
        "no se pudo crear la carpeta {path} ({reason})",
    # revisions.py
    ("{folder} is not in a git repository, so --since cannot read an earlier version; compare "
     "two files instead: crmplan changes OLD.yaml NEW.yaml"):
        ("{folder} no está en un repositorio de git, así que --since no puede leer una versión "
         "anterior; compare dos archivos: crmplan changes ANTERIOR.yaml NUEVO.yaml"),
    ("{path} is not in revision {revision} of the git repository (was it committed under another "
     "name?)"):
        ("{path} no está en la revisión {revision} del repositorio de git (¿se guardó con otro "
         "nombre?)"),
    ("git is not installed (or not on the PATH); --since needs it to read an earlier version of "
     "the plan"):
        ("git no está instalado (o no está en el PATH); --since lo necesita para leer una "
         "versión anterior del plan"),
    "git could not be run ({reason})": "no se pudo ejecutar git ({reason})",
    ("the plan file as committed in revision {revision} ({path}) has errors, so it cannot be "
     "compared"):
        ("el archivo del plan guardado en la revisión {revision} ({path}) tiene errores, así que "
         "no se puede comparar"),
    ("'{revision}' is not a revision of this git repository; give a commit, a tag or a branch, "
     "e.g. --since HEAD~1"):
        ("'{revision}' no es una revisión de este repositorio de git; indique un commit, una "
         "etiqueta o una rama, p. ej. --since HEAD~1"),
    # sheet.py
    "'{actor}' is not a group of actors; --each-member needs one, such as {groups}":
        "'{actor}' no es un grupo de actores; --each-member necesita uno, como {groups}",
    # render/docx.py
    'Word files need the python-docx package; install it with: pip install "crmplan[docx]"':
        ("los archivos de Word necesitan el paquete python-docx; instálelo con: pip install "
         "\"crmplan[docx]\""),
    # render/html.py
    "Activities by status, per section": "Actividades por estado, en cada sección",
    # render/report.py
    "Role": "Papel",
    "Overdue: programado, due date passed":
        "Con plazo vencido: programado, fecha prevista pasada",
    "Pending: pendiente or por definir":
        "Por resolver: pendiente o por definir",
    "Scheduled: programado, by due date":
        "Programadas: programado, por fecha prevista",
    "Ongoing: continuo":
        "Continuas: continuo",
    "Completed: completado, to be archived":
        "Completadas: completado, por pasar al histórico",
    "Action sheet: {actor}": "Hoja de compromisos: {actor}",
    "(overdue)": "(plazo vencido)",
    "{name}; member of {groups}": "{name}; miembro de {groups}",
    "No activity of the active plan names {actor} as of {date}.":
        "Ninguna actividad del plan activo nombra a {actor} al {date}.",
    # render/changes.py
    "text": "texto",
    "reference": "referencia",
    "responsible note": "nota de responsables",
    "status note": "nota de estado",
    "note": "nota",
    "(none)": "(ninguna)",
    "(nobody)": "(ninguno)",
    "Changes from {old} to {new}: {counts}.": "Cambios de {old} a {new}: {counts}.",
    "{name} (updated {date})": "{name} (actualizado el {date})",
    "added": "añadida",
    "removed": "eliminada",
    "archived": "archivada",
    "restored to the active plan": "restaurada en el plan activo",
    "moved to another section": "movida a otra sección",
    "moved to another objective": "movida a otro objetivo",
    "outcomes": "resultados",
    "Change": "Cambio",
    "No changes from {old} to {new}.": "Ningún cambio de {old} a {new}.",
    "due date": "fecha prevista",
    "Changes to the work plan": "Cambios en el plan de trabajo",
    # outfile.py / documents
    ("{output} is the plan file in use ({plan}): writing there would replace the plan; give "
     "another file"):
        ("{output} es el archivo del plan en uso ({plan}): escribir ahí reemplazaría el plan; "
         "indique otro archivo"),
    # store.py
    ("{path} belongs to another user or group, and crmplan cannot give its new version the same "
     "owner; it was left as it was"):
        ("{path} pertenece a otro usuario o grupo, y crmplan no puede dar a su nueva versión el "
         "mismo dueño; quedó como estaba"),
    ("{variable} is '{value}'; it accepts a number of seconds to wait for another crmplan to "
     "finish, e.g. 30 (0: do not wait)"):
        ("{variable} vale '{value}'; acepta un número de segundos de espera a que otro crmplan "
         "termine, p. ej. 30 (0: no esperar)"),
    "{path} is not a regular file: a plan read from a pipe cannot be edited; give its path":
        ("{path} no es un archivo regular: un plan leído de una tubería no se puede modificar; "
         "indique su ruta"),
    ("{path}: the plan is read-only, so nothing was changed; make the file writable first if it "
     "should change"):
        ("{path}: el plan es de solo lectura, así que no se cambió nada; si debe cambiar, "
         "permita primero escribir en el archivo"),
    ("{path}: the plan has {count} names (hard links); saving it would separate this name from "
     "the others, so nothing was changed; edit a copy with one name, or remove the other links "
     "first"):
        ("{path}: el plan tiene {count} nombres (enlaces duros); guardarlo separaría este nombre "
         "de los demás, así que no se cambió nada; modifique una copia con un solo nombre, o "
         "quite primero los otros enlaces"),
    # windows
    ("{path}: the folder of the plan does not support locking files (a network share?), so "
     "crmplan cannot keep two changes from overwriting each other; nothing was changed. Copy the "
     "plan to a folder of this computer, change it there, and copy it back"):
        ("{path}: la carpeta del plan no permite bloquear archivos (¿es una carpeta de red?), así "
         "que crmplan no puede evitar que dos cambios se sobrescriban; no se cambió nada. Copie "
         "el plan a una carpeta de este equipo, modifíquelo allí y vuelva a copiarlo"),
    ("{path}: the plan is open in another program (close it and run the command again); nothing "
     "was changed"):
        ("{path}: el plan está abierto en otro programa (ciérrelo y vuelva a ejecutar el "
         "comando); no se cambió nada"),
    # editor mistakes and warnings: source.py, codes.py, acknowledgements, crmplan explain
    ("'{key}' appears again in the same item (first at line {line}): a '- ' is missing here, so "
     "two items are read as one; start this line with '- ' like line {line}"):
        ("'{key}' aparece de nuevo en el mismo elemento (la primera vez en la línea {line}): "
         "aquí falta un '- ', así que dos elementos se leen como uno; empiece esta línea con "
         "'- ' como la línea {line}"),
    ("'{key}: {empty}' says that '{key}' is empty, but entries follow on the next lines: "
     "remove the '{empty}'"):
        ("'{key}: {empty}' dice que no hay nada en '{key}', pero en las líneas siguientes hay "
         "entradas: quite el '{empty}'"),
    "this quote is not closed: a text that starts with {quote} must end with {quote}":
        "estas comillas no se cierran: un texto que empieza con {quote} debe terminar con {quote}",
    ("a text that starts with a quote must end with it, and this one goes on after its "
     "closing quote: put the whole text between the quotes ({quote}...{quote}), or remove "
     "the quotes"):
        ("un texto que empieza con comillas debe terminar con ellas, y este sigue después de "
         "cerrarlas: ponga todo el texto entre las comillas ({quote}...{quote}) o quítelas"),
    ("this line starts an item of the list without its '- ': write '- ' before it, as on the "
     "items above"):
        ("esta línea empieza un elemento de la lista sin su '- ': escriba '- ' delante, como en "
         "los elementos anteriores"),
    "{path}: {errors}, {warnings}; and {acknowledged} ({counts}).":
        "{path}: {errors}, {warnings} y {acknowledged} ({counts}).",
    "{path}: no problems; {acknowledged} ({counts}).":
        "{path}: sin problemas; {acknowledged} ({counts}).",
    ("Say what the code of a problem means, how to fix it and whether it can be silenced.\n\n"
     "Example: crmplan explain removal-note"):
        ("Explica qué significa el código de un problema, cómo corregirlo y si se puede "
         "silenciar.\n\nEjemplo: crmplan explain removal-note"),
    ("The code shown in brackets at the end of a problem, e.g. removal-note. Without it: every "
     "code."):
        ("El código que aparece entre corchetes al final de un problema, p. ej. removal-note. "
         "Sin él: todos los códigos."),
    "[CODE]": "[CÓDIGO]",
    "'{code}' is not a code of crmplan; did you mean '{hint}'?":
        "'{code}' no es un código de crmplan; ¿quiso decir '{hint}'?",
    "'{code}' is not a code of crmplan; 'crmplan explain' lists them":
        "'{code}' no es un código de crmplan; 'crmplan explain' los enumera",
    "The message of each problem says what to write, at the line and column it gives.":
        "El mensaje de cada problema dice qué escribir, en la línea y la columna que indica.",
    ("To acknowledge a warning where it stands (so that validate no longer shows it, and counts "
     "it as acknowledged), write the comment '{comment}' at the end of the line it points at, "
     "or on a line of its own just above."):
        ("Para reconocer una advertencia donde está (validate deja de mostrarla y la cuenta "
         "como reconocida), escriba el comentario '{comment}' al final de la línea que señala, "
         "o en una línea aparte, justo encima."),
    ("An error cannot be silenced: the plan is not read as written until it is fixed. (Only "
     "warnings can be acknowledged, with a comment such as '{comment}'.)"):
        ("Un error no se puede silenciar: el plan no se lee tal como está escrito hasta que se "
         "corrija. (Solo las advertencias se pueden reconocer, con un comentario como "
         "'{comment}'.)"),
    ("The text is not valid YAML at this point, so the plan cannot be read: a quote that is not "
     "closed, quotes around part of a text only, a missing ':' or '- ', a line indented "
     "differently from the lines around it. The message names the slip; fix that line (the "
     "place given is where the slip is, or where the reading stopped)."):
        ("El texto no es YAML válido en este punto, así que el plan no se puede leer: unas "
         "comillas sin cerrar, comillas solo alrededor de una parte del texto, un ':' o un '- ' "
         "que falta, una línea con una sangría distinta de la de las líneas vecinas. El mensaje "
         "nombra el descuido; corrija esa línea (el lugar indicado es donde está el descuido o "
         "donde se detuvo la lectura)."),
    ("A line is indented with a tab. YAML indents with spaces only: replace the tab with spaces, "
     "as many as the lines around it use."):
        ("Una línea tiene sangría con un tabulador. YAML solo admite espacios en la sangría: "
         "cambie el tabulador por espacios, tantos como usan las líneas vecinas."),
    ("The same field is written twice in one item; only one can be read. Keep the right one and "
     "remove the other, or rename it if it was meant to be another field. If the repeated field "
     "is the first of the item (id), a '- ' is missing instead."):
        ("El mismo campo está escrito dos veces en un elemento y solo se puede leer uno. "
         "Conserve el correcto y elimine el otro, o cámbiele el nombre si debía ser otro campo. "
         "Si el campo repetido es el primero del elemento (id), lo que falta es un '- '."),
    ("A '<<' merge key copies fields from elsewhere in the file, which a plan does not allow: "
     "write the fields out in full."):
        ("Una clave de combinación '<<' copia campos de otra parte del archivo, algo que un plan "
         "no admite: escriba los campos completos."),
    ("An alias (*name) repeats a value marked elsewhere with &name, which a plan does not "
     "allow: write the value out in full."):
        ("Un alias (*nombre) repite un valor marcado en otra parte con &nombre, algo que un plan "
         "no admite: escriba el valor completo."),
    ("A '!' tag asks YAML for a special kind of value; a plan holds only plain texts, lists and "
     "fields. Remove the tag, or put the text in quotes. Nothing is ever run."):
        ("Una etiqueta '!' pide a YAML un tipo especial de valor; un plan solo contiene textos, "
         "listas y campos. Quite la etiqueta o ponga el texto entre comillas. Nunca se ejecuta "
         "nada."),
    ("The file is nested deeper than any plan is; an indentation or brackets have gone wrong. "
     "Check the indentation around the line given."):
        ("El archivo tiene más niveles de anidación que cualquier plan; alguna sangría o algún "
         "corchete está mal. Revise la sangría alrededor de la línea indicada."),
    ("The file is not UTF-8 text. Save it again as UTF-8 (in Notepad: Save as, Encoding: "
     "UTF-8)."):
        ("El archivo no es texto UTF-8. Guárdelo de nuevo como UTF-8 (en el Bloc de notas: "
         "Guardar como, Codificación: UTF-8)."),
    ("A field holds another kind of value than it should: a list where a text goes, a text "
     "where fields go. Usually an indentation slip; the message says what was expected."):
        ("Un campo contiene otro tipo de valor del que le corresponde: una lista donde va un "
         "texto, un texto donde van campos. Suele ser un descuido de sangría; el mensaje dice "
         "qué se esperaba."),
    ("A field that must be written is missing or empty. Add it with its value; the message "
     "says which field."):
        ("Falta un campo obligatorio o está vacío. Añádalo con su valor; el mensaje dice qué "
         "campo es."),
    ("A field name crmplan does not know, often a typing slip or a Spanish name: the fields of "
     "the file are in English (status, due, responsible...). Rename it as the message "
     "suggests; 'crmplan schema' lists every field."):
        ("Un nombre de campo que crmplan no conoce, a menudo un error de escritura o un nombre "
         "en español: los campos del archivo están en inglés (status, due, responsible...). "
         "Cámbielo como sugiere el mensaje; 'crmplan schema' enumera todos los campos."),
    # habits
    "{group} (includes {actor})": "{group} (incluye a {actor})",
    "{group} (includes {actor}; {role})": "{group} (incluye a {actor}; {role})",
    "{role}: {group} (includes {actor})": "{role}: {group} (incluye a {actor})",
    "in {path}: {message}": "en {path}: {message}",
    "the plan bundled with crmplan": "el plan incluido en crmplan",
    ("Print everything at once, without a pager, even on a terminal. Default pager: "
     "CRMPLAN_PAGER, else PAGER, else less."):
        ("Muestra todo de una vez, sin paginador, también en una terminal. Paginador por "
         "omisión: CRMPLAN_PAGER; si no, PAGER; si no, less."),
    # Spanish everywhere: help screens and usage errors (commands/usage.py, cli.py)
    "Usage:": "Uso:",
    "[OPTIONS]": "[OPCIONES]",
    "COMMAND [ARGS]...": "COMANDO [ARGUMENTOS]...",
    "Arguments": "Argumentos",
    "Options": "Opciones",
    "Commands": "Comandos",
    "[default: {value}]": "[predeterminado: {value}]",
    "[env var: {name}]": "[variable de entorno: {name}]",
    "[required]": "[obligatorio]",
    "Show this message and exit.": "Muestra esta ayuda y termina.",
    "Install completion for the current shell.":
        "Instala el autocompletado en el intérprete de comandos (shell) que usa.",
    "Show completion for the current shell, to copy it or customize the installation.":
        ("Muestra el autocompletado del intérprete de comandos (shell) que usa, para copiarlo "
         "o adaptar la instalación."),
    "Completion for {shell} installed in {path}.": "Autocompletado de {shell} instalado en {path}.",
    ("crmplan: completion is offered for bash, zsh, fish and PowerShell, and this shell is none "
     "of them (or could not be recognised)"):
        ("crmplan: el autocompletado existe para bash, zsh, fish y PowerShell, y este intérprete "
         "de comandos no es ninguno de ellos (o no se pudo reconocer)"),
    "It works in the terminals opened from now on.":
        "Funcionará en las terminales que abra a partir de ahora.",
    "TEXT": "TEXTO",
    "DATE": "FECHA",
    "PATH": "RUTA",
    "[PATH]": "[RUTA]",
    "[PATH]...": "[RUTA]...",
    "FILE": "ARCHIVO",
    "YEAR": "AÑO",
    "BODY": "ÓRGANO",
    "STATUS": "ESTADO",
    "REV": "REVISIÓN",
    "[OLD_FILE] [NEW_FILE]": "[ARCHIVO_ANTERIOR] [ARCHIVO_NUEVO]",
    "INTEGER": "ENTERO",
    "For help: {command} --help": "Para ver la ayuda: {command} --help",
    "{option} takes no value": "{option} no admite un valor",
    "{option} needs a value": "falta el valor de {option}",
    "a command is missing": "falta el comando",
    "the option {option} is required": "la opción {option} es obligatoria",
    "the argument {argument} is missing": "falta el argumento {argument}",
    "'{value}' is not a value of {option} (valid: {valid})":
        "'{value}' no es un valor de {option} (valores válidos: {valid})",
    "{option} takes a whole number, not '{value}'":
        "{option} requiere un número entero, no '{value}'",
    "invalid value for {option}: {detail}": "valor no válido para {option}: {detail}",
    "no such option: {option}{hint}": "no existe la opción {option}{hint}",
    "unexpected extra arguments: {args}": "sobran argumentos: {args}",
    "no such command: '{name}'{hint}": "no existe el comando '{name}'{hint}",
    # Spanish everywhere: one meaning for "pending" (commands/options.py)
    "Pending activities: pendiente or por definir (the document's underlined items).":
        ("Actividades por resolver: pendiente o por definir (lo subrayado en el documento)."),
    # seed
    "Activities taken from the CRM Plan of Action themselves (UPPER CASE in the document).":
        ("Actividades tomadas ellas mismas del Plan de Acción de la CRM (en MAYÚSCULAS en el "
         "documento)."),
    ("Activities whose objective was taken from the CRM Plan of Action, whether or not they "
     "were themselves."):
        ("Actividades cuyo objetivo se tomó del Plan de Acción de la CRM, lo fueran o no ellas "
         "mismas."),
    "no (its objective {id} is)": "no (su objetivo {id} sí)",
    "(derived from the history)": "(deducido del histórico)",
    # codes.py: merge-conflict
    ("The file holds an unfinished git merge: lines between '<<<<<<<', '=======' and "
     "'>>>>>>>' are two versions of the same part. Keep the version that is right (or "
     "combine them), then delete the three marker lines."):
        ("El archivo contiene una fusión de git sin terminar: las líneas entre '<<<<<<<', "
         "'=======' y '>>>>>>>' son dos versiones de la misma parte. Conserve la versión "
         "correcta (o combínelas) y luego borre las tres líneas de marca."),
    # codes.py: unmerged
    ("git is in the middle of a merge (or a cherry-pick, revert or rebase) and still counts the "
     "plan file as unmerged. If you have resolved it, run 'git add' on it. If it holds no "
     "conflict markers, git probably could not run crmplan's merge driver (crmplan not on the "
     "PATH git sees, as with some graphical git clients), and the file holds only your side: "
     "check with 'crmplan git-setup --check', then abort (git merge --abort) and merge again."):
        ("git está en medio de una fusión (o de un cherry-pick, un revert o un rebase) y todavía "
         "cuenta el archivo del plan como sin fusionar. Si ya lo resolvió, ejecute 'git add' "
         "sobre él. Si no tiene marcas de conflicto, es probable que git no haya podido "
         "ejecutar el controlador de fusión de crmplan (crmplan no está en el PATH que ve git, "
         "como ocurre con algunos programas gráficos de git) y que el archivo tenga solo su "
         "lado: compruébelo con 'crmplan git-setup --check', luego cancele la fusión (git merge "
         "--abort) y vuelva a fusionar."),
    ("It cannot be acknowledged with a comment such as '{comment}': it comes from git's state, "
     "not from the file, and goes away once git counts the file as merged."):
        ("No se puede reconocer con un comentario como '{comment}': viene del estado de git, no "
         "del archivo, y desaparece cuando git cuenta el archivo como fusionado."),
    # unmerged.py
    ("git still counts this file as unmerged: if you resolved it, git add it; if it holds no "
     "conflict markers, git's merge driver may not have run and the file may hold only one side "
     "(check with crmplan git-setup --check, then git {operation} --abort and {operation} "
     "again)"):
        ("git todavía cuenta este archivo como sin fusionar: si ya lo resolvió, agréguelo con "
         "git add; si no tiene marcas de conflicto, puede que el controlador de fusión de git no "
         "se haya ejecutado y que el archivo tenga solo uno de los lados (compruébelo con "
         "crmplan git-setup --check, luego git {operation} --abort y vuelva a hacer el "
         "{operation})"),
    # set / add / edit / apply
    # the plan's date (editing commands), fieldedit.py
    "Leave the plan's date (document.updated) as it is; by default a change sets it to today.":
        ("Deja la fecha del plan (document.updated) como está; si no, un cambio la pone en la "
         "fecha de hoy."),
    "'{value}' cannot be written into the plan file":
        "'{value}' no se puede escribir en el archivo del plan",
    "'{key}' of {id} is not a single text; write it as one first":
        "'{key}' de {id} no es un solo texto; escríbalo primero como tal",
    "'{key}' of {id} is on the line of its '- '; move it to a line of its own first":
        "'{key}' de {id} está en la línea de su '- '; páselo primero a una línea propia",
    "the change would leave {path} with errors, so nothing was written":
        "el cambio dejaría {path} con errores, así que no se escribió nada",
    "{id} is not in the plan file": "{id} no está en el archivo del plan",
    "{id} is written in braces ({{...}}); write it with one field a line to change it here":
        ("{id} está escrito entre llaves ({{...}}); escríbalo con un campo por línea para "
         "cambiarlo aquí"),
    # set: assign.py, commands/editing.py
    "'{word}' is not FIELD=VALUE; write for example status=programado":
        "'{word}' no tiene la forma CAMPO=VALOR; escriba por ejemplo status=programado",
    "'{field}' is not a field of {what} that crmplan set can change{hint} (fields: {fields})":
        ("'{field}' no es un campo de {what} que crmplan set pueda cambiar{hint} (campos: "
         "{fields})"),
    ("the value of '{field}' contains {character}, which a plan cannot hold; write it on one "
     "line, without control characters"):
        ("el valor de '{field}' contiene {character}, que un plan no puede guardar; escríbalo en "
         "una sola línea, sin caracteres de control"),
    "say what to change, e.g. crmplan set {id} status=programado due=2010-06":
        "indique qué cambiar, p. ej. crmplan set {id} status=programado due=2010-06",
    "'{field}' cannot be empty": "'{field}' no puede quedar vacío",
    ("'{field}={value}': either name the whole list (GRCM,CRM) or the bodies to add and remove "
     "(+CRM,-GRCM), not both"):
        ("'{field}={value}': indique la lista completa (GRCM,CRM) o los órganos que se añaden y "
         "se quitan (+CRM,-GRCM), no ambas cosas"),
    ("'{field}={value}': either name the whole list (México,OIM) or the actors to add and remove "
     "(+OIM,-ST), not both"):
        ("'{field}={value}': indique la lista completa (México,OIM) o los actores que se añaden "
         "y se quitan (+OIM,-ST), no ambas cosas"),
    "'{value}' is not in the {field} of {id} ({current})":
        "'{value}' no figura en {field} de {id} ({current})",
    ("{id}: the status 'programado' needs a due date; add it to the command, e.g. due=2010-06 (a "
     "year, a month or a day)"):
        ("{id}: el estado 'programado' necesita una fecha prevista; añádala a la orden, p. ej. "
         "due=2010-06 (un año, un mes o un día)"),
    "The activity (9.3) or objective (9) to change.":
        "La actividad (9.3) o el objetivo (9) que se cambia.",
    "What to change, e.g. status=programado due=2010-06 responsible=+OIM.":
        "Lo que se cambia, p. ej. status=programado due=2010-06 responsible=+OIM.",
    "Updated {id}.": "Se actualizó {id}.",
    "Nothing to change: {id} already has these values.":
        "No hay nada que cambiar: {id} ya tiene esos valores.",
    ("Change an activity's or an objective's fields, and nothing else in the file.\n\n"
     "An activity's status, due, due_at (a meeting of the calendar), due_each (bodies: "
     "due_each=GRCM,CRM), days_before, responsible, coordination, support, text, ref, note, "
     "status_note and responsible_note; an objective's title and note. Statuses, meetings and "
     "actors are checked as validate checks them. An actor field takes the whole list "
     "(responsible=México,OIM) or the actors to add and remove (responsible=+OIM,-ST); "
     "ref=+TEXT adds a reference and ref=-TEXT removes one. An empty value (note=) removes an "
     "optional field.\n\n"
     "Example: crmplan set 9.3 status=programado due=2010-06 responsible=+OIM"):
        ("Cambia campos de una actividad o de un objetivo, y nada más del archivo.\n\n"
         "De una actividad: status (estado), due (fecha prevista), due_at (una reunión del "
         "calendario), due_each (órganos: due_each=GRCM,CRM), days_before, responsible, "
         "coordination, support, text, ref, note, status_note y responsible_note; de un "
         "objetivo: title y note. Los estados, las reuniones y los actores se comprueban como "
         "lo hace validate. Un campo de "
         "actores recibe la lista completa (responsible=México,OIM) o los actores que se añaden "
         "y se quitan (responsible=+OIM,-ST); ref=+TEXTO añade una referencia y ref=-TEXTO la "
         "quita. Un valor vacío (note=) quita un campo opcional.\n\n"
         "Ejemplo: crmplan set 9.3 status=programado due=2010-06 responsible=+OIM"),
    # add: newactivity.py, commands/editing.py
    "The objective of the active plan that gets the activity, e.g. 9.":
        "El objetivo del plan activo que recibe la actividad, p. ej. 9.",
    "What is to be done.": "Lo que se debe hacer.",
    "Who is responsible (short or full name). Repeatable.":
        "Quién es responsable (nombre corto o completo). Se puede repetir.",
    "continuo, programado, pendiente, por definir or completado. Default: por definir.":
        "continuo, programado, pendiente, por definir o completado. Por omisión: por definir.",
    "The due date: 2010, 2010-06 or 2010-06-15 (needed with programado).":
        "La fecha prevista: 2010, 2010-06 o 2010-06-15 (necesaria con programado).",
    "Who coordinates it. Repeatable.": "Quién la coordina. Se puede repetir.",
    "Who supports it. Repeatable.": "Quién la apoya. Se puede repetir.",
    ("The document it comes from, e.g. \"p. 5.b, GRCM, Inf. Red Trata, noviembre, 2008\". "
     "Repeatable."):
        ("El documento del que proviene, p. ej. \"p. 5.b, GRCM, Inf. Red Trata, noviembre, "
         "2008\". Se puede repetir."),
    "A note.": "Una nota.",
    "Added {id} to objective {objective}.": "Se añadió {id} al objetivo {objective}.",
    ("Add an activity at the end of an objective of the active plan.\n\n"
     "It gets the objective's next free id (never one an archived activity had), and is written "
     "as its neighbours are: indentation, quotes, lists in brackets or one per line, line "
     "endings.\n\n"
     "Example: crmplan add 9 --text \"Elaborar un directorio regional\" --responsible México "
     "--status programado --due 2010-06"):
        ("Añade una actividad al final de un objetivo del plan activo.\n\n"
         "Recibe el siguiente id libre del objetivo (nunca uno que haya tenido una actividad "
         "archivada) y se escribe como sus vecinas: sangría, comillas, listas entre corchetes o "
         "una por línea, finales de línea.\n\n"
         "Ejemplo: crmplan add 9 --text \"Elaborar un directorio regional\" --responsible "
         "México --status programado --due 2010-06"),
    "--text cannot be empty": "--text no puede quedar vacío",
    ("the status 'programado' needs a due date: add --due, e.g. --due 2010-06 (a year, a month or "
     "a day)"):
        ("el estado 'programado' necesita una fecha prevista: añada --due, p. ej. --due 2010-06 "
         "(un año, un mes o un día)"),
    "objective {id} is only in the history; new activities go to an objective of the active plan":
        ("el objetivo {id} solo está en el histórico; las actividades nuevas van a un objetivo "
         "del plan activo"),
    ("{option} contains {character}, which a plan cannot hold; write it on one line, without "
     "control characters"):
        ("{option} contiene {character}, que un plan no puede guardar; escríbalo en una sola "
         "línea, sin caracteres de control"),
    # edit: editor.py, editsession.py, commands/editing.py
    "The activity to edit, e.g. 9.3.": "La actividad que se edita, p. ej. 9.3.",
    ("crmplan edit opens one activity, and {id} is an objective; change its title or note with "
     "crmplan set {id} title=..."):
        ("crmplan edit abre una actividad, y {id} es un objetivo; cambie su título o su nota con "
         "crmplan set {id} title=..."),
    "{id} was not changed; nothing was written.": "{id} no cambió; no se escribió nada.",
    "gave up editing {id}; nothing was written":
        "se abandonó la edición de {id}; no se escribió nada",
    "Your lines are kept in {path}.": "Sus líneas se conservan en {path}.",
    ("Edit one activity's lines in your text editor, then check the whole plan.\n\n"
     "The editor is $VISUAL, else $EDITOR, else Notepad on Windows and vi elsewhere. When the "
     "plan does not validate with your lines, the editor opens again with the problems at the "
     "top; empty the text, or close without saving, to give up: nothing is written.\n\n"
     "Example: crmplan edit 9.3"):
        ("Edita las líneas de una actividad en su editor de texto y luego revisa todo el "
         "plan.\n\n"
         "El editor es $VISUAL, si no $EDITOR, y si no el Bloc de notas en Windows y vi en los "
         "demás sistemas. Si el plan no es válido con sus líneas, el editor se abre de nuevo con "
         "los problemas arriba; vacíe el texto, o cierre sin guardar, para desistir: no se "
         "escribe nada.\n\n"
         "Ejemplo: crmplan edit 9.3"),
    "the edited text was not saved as UTF-8; save it as UTF-8 and try again":
        "el texto editado no se guardó como UTF-8; guárdelo como UTF-8 e inténtelo de nuevo",
    "cannot start the editor '{editor}' ({reason}); set VISUAL or EDITOR to the editor you use":
        ("no se puede abrir el editor '{editor}' ({reason}); ponga en VISUAL o EDITOR el editor "
         "que usa"),
    "Activity {id} of {path}: save and close the editor to change the plan.":
        "Actividad {id} de {path}: guarde y cierre el editor para cambiar el plan.",
    "To leave the plan as it is, empty the text, or close without saving.":
        "Para dejar el plan como está, vacíe el texto o cierre sin guardar.",
    "The plan does not validate with these lines; correct them, or empty the text to give up:":
        ("El plan no es válido con estas líneas; corríjalas, o vacíe el texto para "
         "desistir:"),
    "{path}, line {line}: {problem}": "{path}, línea {line}: {problem}",
    "line {line}, column {col}: {problem}": "línea {line}, columna {col}: {problem}",
    "{id} is not written as a '- ' item of a list of activities; edit the file itself":
        ("{id} no está escrita como elemento '- ' de una lista de actividades; edite el archivo "
         "directamente"),
    "{id} was changed in the plan file while it was being edited, so nothing was written":
        ("{id} cambió en el archivo del plan mientras se editaba, así que no se escribió "
         "nada"),
    # apply: answers.py, render/documents/xlsx.py, commands/editing.py, commands/documents.py
    'workbooks (.xlsx) need the openpyxl package; install it with: pip install "crmplan[xlsx]"':
        ("los libros de Excel (.xlsx) necesitan el paquete openpyxl; instálelo con: pip install "
         "\"crmplan[xlsx]\""),
    "it cannot be read as a workbook ({reason}); nothing in it was applied":
        "no se puede leer como libro de Excel ({reason}); no se aplicó nada de él",
    ("it was not made by crmplan report --format xlsx (it has no '{sheet}' sheet); nothing in it "
     "was applied"):
        ("no lo hizo crmplan report --format xlsx (no tiene la hoja '{sheet}'); no se aplicó nada "
         "de él"),
    ("it was made by another version of crmplan; make the sheets again with crmplan report "
     "--format xlsx"):
        ("lo hizo otra versión de crmplan; vuelva a hacer las hojas con crmplan report --format "
         "xlsx"),
    "this row's id ('{id}') is not one of the sheet's activities; the row was not applied":
        ("el id de esta fila ('{id}') no es el de una actividad de la hoja; la fila no se "
         "aplicó"),
    "it was made from another plan ('{title}'); nothing in it was applied":
        "se hizo a partir de otro plan ('{title}'); no se aplicó nada de él",
    "activity {id} is in the history now; this row was not applied":
        "la actividad {id} ya está en el histórico; esta fila no se aplicó",
    "the plan has no activity {id} any more; this row was not applied":
        "el plan ya no tiene la actividad {id}; esta fila no se aplicó",
    ("activity {id} has changed since the sheet was made ({field}: now '{now}', the sheet shows "
     "'{then}'); this row was not applied"):
        ("la actividad {id} cambió después de hacerse la hoja ({field}: ahora '{now}', la hoja "
         "muestra '{then}'); esta fila no se aplicó"),
    ("an outcome is recorded when the activity is completed: choose 'completado' as the new "
     "status, or leave the outcome empty; this row was not applied"):
        ("un resultado se registra cuando la actividad está completada: elija 'completado' como "
         "nuevo estado, o deje vacío el resultado; esta fila no se aplicó"),
    ("'programado' needs a due date: fill in the new due date (2010, 2010-06 or 2010-06-15); this "
     "row was not applied"):
        ("'programado' necesita una fecha prevista: llene la nueva fecha prevista (2010, 2010-06 "
         "o 2010-06-15); esta fila no se aplicó"),
    "the answers for activity {id} disagree about its {field} ({cells}); none of them was applied":
        ("las respuestas para la actividad {id} no coinciden en {field} ({cells}); no se aplicó "
         "ninguna"),
    "status {old} → {new}": "estado {old} → {new}",
    "due date {old} → {new}": "fecha prevista {old} → {new}",
    "status note: {note}": "nota del estado: {note}",
    "archived with the outcome: {outcome}": "archivada con el resultado: {outcome}",
    "{id} ({where}): {changes}": "{id} ({where}): {changes}",
    "Commitments": "Compromisos",
    "Due date": "Fecha prevista",
    "Notes": "Notas",
    "New status": "Nuevo estado",
    "New due date": "Nueva fecha prevista",
    "Progress note": "Nota de avance",
    "Outcome (if completed)": "Resultado (si se completó)",
    "Made on {date} from {file}, the plan as updated on {updated}.":
        "Preparada el {date} a partir de {file}, el plan actualizado el {updated}.",
    ("Please fill in the yellow columns and send the workbook back; the other columns are locked. "
     "New status: choose it from the list. New due date: 2010, 2010-06 or 2010-06-15. Outcome: "
     "what was achieved, for an activity now completed."):
        ("Llene por favor las columnas amarillas y devuelva el libro; las demás columnas están "
         "bloqueadas. Nuevo estado: elíjalo de la lista. Nueva fecha prevista: 2010, 2010-06 o "
         "2010-06-15. Resultado: lo que se logró, para una actividad ya completada."),
    "Choose one of the plan's statuses from the list.":
        "Elija uno de los estados del plan en la lista.",
    "a workbook cannot be shown in the terminal: write it to a file with -o, e.g. -o {name}":
        ("un libro de Excel no se puede mostrar en la terminal: escríbalo en un archivo con -o, "
         "p. ej. -o {name}"),
    "Workbooks made by crmplan report --format xlsx, with the answers filled in.":
        "Libros de Excel hechos por crmplan report --format xlsx, con las respuestas llenadas.",
    "Write the changes into the plan; without it they are only shown.":
        "Escribe los cambios en el plan; sin esta opción solo se muestran.",
    "Apply nothing when any answer cannot be applied (by default the others are).":
        ("No aplica nada si alguna respuesta no se puede aplicar (por omisión se aplican las "
         "demás)."),
    "{path}: no such workbook": "{path}: no existe ese libro de Excel",
    "FIELD=VALUE...": "CAMPO=VALOR...",
    "OBJECTIVE": "OBJETIVO",
    "FILE.xlsx...": "ARCHIVO.xlsx...",
    "No answers to apply: the workbooks have none filled in.":
        "No hay respuestas que aplicar: los libros no tienen ninguna llenada.",
    "Nothing was written: run the command again with --yes to apply these changes to {path}.":
        ("No se escribió nada: vuelva a ejecutar la orden con --yes para aplicar estos cambios a "
         "{path}."),
    "Wrote the answers into {path}.": "Se escribieron las respuestas en {path}.",
    "; with --all-or-nothing, nothing was applied": "; con --all-or-nothing, no se aplicó nada",
    ("Take the countries' answers from their workbooks into the plan.\n\n"
     "The workbooks are those crmplan report --format xlsx made, with a new status, a new due "
     "date, a progress note (written as the activity's status_note) or an outcome filled in. "
     "Shows, activity by activity, what would change, and the diff; --yes writes it. A completed "
     "activity with an outcome is archived with it. An answer that cannot be applied (an unknown "
     "status, a date like 2010-13, an activity gone or changed since the workbook was made) is "
     "reported with its workbook, sheet and cell, and its row is applied nowhere; the others "
     "still are, unless --all-or-nothing.\n\n"
     "Example: crmplan apply respuestas/*.xlsx --yes"):
        ("Lleva al plan las respuestas de los países, desde sus libros de Excel.\n\n"
         "Los libros son los que hizo crmplan report --format xlsx, con un nuevo estado, una "
         "nueva fecha prevista, una nota de avance (escrita como status_note de la actividad) o "
         "un resultado. Muestra, actividad por actividad, lo que cambiaría, y el diff; --yes lo "
         "escribe. Una actividad completada con un resultado se archiva con él. Una respuesta que "
         "no se puede aplicar (un estado desconocido, una fecha como 2010-13, una actividad que "
         "ya no existe o que cambió después de hacerse el libro) se informa con su libro, hoja y "
         "celda, y su fila no se aplica en ninguna parte; las demás sí, salvo con "
         "--all-or-nothing.\n\n"
         "Ejemplo: crmplan apply respuestas/*.xlsx --yes"),
    # merge / git
    # conflicts.py
    ("this file holds an unfinished merge at line {line}: keep one side, then delete the "
     "markers"):
        ("este archivo contiene una fusión sin terminar en la línea {line}: conserve uno de "
         "los lados y luego borre las marcas"),
    ("this file holds an unfinished merge at lines {lines}: keep one side, then delete the "
     "markers"):
        ("este archivo contiene una fusión sin terminar en las líneas {lines}: conserve uno de "
         "los lados y luego borre las marcas"),
    # git.py
    "git is not installed (or not on the PATH)": "git no está instalado (o no está en el PATH)",
    "git {command} failed: {message}": "git {command} falló: {message}",
    "git merge-file failed: {message}": "git merge-file falló: {message}",
    "{folder} is not in a git repository": "{folder} no está en un repositorio git",
    # merge.py
    ("your version is not a plan file crmplan can read (crmplan validate says why); merged line "
     "by line instead"):
        ("su versión no es un archivo del plan que crmplan pueda leer (crmplan validate indica por "
         "qué); se fusionó línea por línea"),
    ("the version being merged in is not a plan file crmplan can read (check it out and run "
     "crmplan validate to see why); merged line by line instead"):
        ("la versión que se fusiona no es un archivo del plan que crmplan pueda leer (obténgala "
         "con git checkout y ejecute crmplan validate para ver por qué); se fusionó línea por "
         "línea"),
    ("crmplan could not merge it by its structure (internal error {kind}: {detail}; please "
     "report it); merged line by line instead"):
        ("crmplan no pudo fusionarlo por su estructura (error interno {kind}: {detail}; por "
         "favor, repórtelo); se fusionó línea por línea"),
    "both sides added the file, with no version in common; merged line by line instead":
        ("ambos lados agregaron el archivo, sin una versión en común; se fusionó línea por "
         "línea"),
    ("the version both sides started from is not a plan file crmplan can read (in a merge of "
     "several merges git builds it, and it may hold conflict markers); merged line by line "
     "instead"):
        ("la versión de la que partieron ambos lados no es un archivo del plan que crmplan pueda "
         "leer (en una fusión de varias fusiones git la construye, y puede tener marcas de "
         "conflicto); se fusionó línea por línea"),
    "the merged plan would not validate ({problem})":
        "el plan fusionado no sería válido ({problem})",
    ("merged by the plan's structure, the plan would not validate ({problem}); the file holds "
     "git's line merge instead, to finish by hand"):
        ("fusionado según la estructura del plan, el plan no sería válido ({problem}); el archivo "
         "contiene en cambio la fusión línea por línea de git, para terminarla a mano"),
    # gitlog.py
    "{path} has no history in git yet: commit it first":
        "{path} todavía no tiene historia en git: guárdelo primero con un commit",
    "no version of {path} in the git history has an activity '{id}'":
        "ninguna versión de {path} en la historia de git tiene una actividad '{id}'",
    # render/changes.py, render/partchanges.py: the other parts of the plan
    "title": "título",
    "organization": "organización",
    "network": "red",
    "updated by": "actualizado por",
    "legend": "leyenda",
    "name": "nombre",
    "members": "miembros",
    "from the Plan of Action": "del Plan de Acción",
    "Document data": "Datos del documento",
    "Areas": "Áreas",
    "Sections": "Secciones",
    "Actors": "Actores",
    "Objectives": "Objetivos",
    "Meetings": "Reuniones",
    "body": "órgano",
    "date": "fecha",
    "place": "lugar",
    "Name": "Nombre",
    # commands/sharing.py: merge, git-setup, log
    "The version both sides started from (git's %O).":
        "La versión de la que partieron ambos lados (%O de git).",
    "Our version (git's %A); the merged plan is written over it.":
        "Nuestra versión (%A de git); el plan fusionado se escribe sobre ella.",
    "Their version (git's %B).": "La versión del otro lado (%B de git).",
    "The plan file's name in the repository (git's %P), for messages.":
        "El nombre del archivo del plan en el repositorio (%P de git), para los mensajes.",
    ("{path}: conflicts at lines {lines}: an activity was archived or removed on one side and "
     "changed on the other; keep the same side in each conflict, delete the markers, then run "
     "crmplan validate"):
        ("{path}: conflictos en las líneas {lines}: una actividad se archivó o se quitó en un "
         "lado y se cambió en el otro; conserve el mismo lado en cada conflicto, borre las "
         "marcas y ejecute crmplan validate"),
    ("{path}: conflicts at lines {lines}: keep one side of each, delete the markers, then run "
     "crmplan validate"):
        ("{path}: conflictos en las líneas {lines}: conserve uno de los lados de cada uno, borre "
         "las marcas y luego ejecute crmplan validate"),
    "Only say whether git is set up; exit 1 if it is not.":
        "Solo indica si git está configurado; termina con 1 si no lo está.",
    "name the plan file in your git repository (--file), or run this in its folder":
        ("indique el archivo del plan de su repositorio git (--file), o ejecute esto en su "
         "carpeta"),
    "Wrote {what}.": "Se escribió {what}.",
    "git was already set up to merge {path} with crmplan; nothing written.":
        "git ya estaba configurado para fusionar {path} con crmplan; no se escribió nada.",
    ("git runs 'crmplan merge': install crmplan where git finds it (on the PATH) in every clone "
     "that merges the plan."):
        ("git ejecuta 'crmplan merge': instale crmplan donde git lo encuentre (en el PATH) en "
         "cada copia del repositorio que fusione el plan."),
    "the merge driver in the repository's configuration (.git/config)":
        "el controlador de fusión en la configuración del repositorio (.git/config)",
    "'{line}' in {file}": "'{line}' en {file}",
    "merge driver (git config merge.crmplan.driver): {answer}":
        "controlador de fusión (git config merge.crmplan.driver): {answer}",
    "plan file merged with it (.gitattributes, merge=crmplan): {answer}":
        "archivo del plan fusionado con él (.gitattributes, merge=crmplan): {answer}",
    "crmplan's lock file left out of git (.gitignore): {answer}":
        "archivo de bloqueo de crmplan fuera de git (.gitignore): {answer}",
    "crmplan on the PATH, for git to run: {answer}":
        "crmplan en el PATH, para que git lo ejecute: {answer}",
    ("What the conflict markers call each version (git's %X %S %Y: the branches' names). "
     "Default: ours, base, theirs."):
        ("Cómo llaman las marcas de conflicto a cada versión (%X %S %Y de git: los nombres de las "
         "ramas). Si no se indica: ours, base, theirs."),
    "The activity, e.g. 9.3.": "La actividad, p. ej. 9.3.",
    "text, or json (one record per change).": "text, o json (un registro por cambio).",
    ("Merge two versions of the plan by its structure: git's merge driver.\n\n"
     "Activities, objectives, actors, sections and document fields are matched by id or key, so "
     "independent changes (two archives in one objective, edits of different fields) merge "
     "cleanly, each as its side wrote it. A true conflict leaves git's markers around the field, "
     "and exit code 1. The merged plan must validate; when it would not, or a version is not a "
     "plan crmplan can read, the file holds git's line merge instead. Set it up once with "
     "crmplan git-setup.\n\n"
     "Example: crmplan merge %O %A %B %P (what git runs)"):
        ("Fusiona dos versiones del plan según su estructura: el controlador de fusión de git."
         "\n\n"
         "Las actividades, objetivos, actores, secciones y campos del documento se emparejan por "
         "id o clave, de modo que los cambios independientes (dos actividades archivadas en un "
         "mismo objetivo, ediciones de campos distintos) se fusionan sin conflicto, cada uno "
         "como lo escribió su lado. Un conflicto real deja las marcas de git alrededor del "
         "campo, y el código de salida 1. El plan fusionado debe ser válido; si no lo sería, o "
         "si una versión no es un plan que crmplan pueda leer, el archivo contiene en cambio la "
         "fusión línea por línea de git. Configúrelo una vez con crmplan git-setup.\n\n"
         "Ejemplo: crmplan merge %O %A %B %P (lo que ejecuta git)"),
    ("Set git up to merge the plan file with crmplan merge.\n\n"
     "Writes the merge driver to the repository's configuration (.git/config; once per clone) "
     "and 'workplan.yaml merge=crmplan' to .gitattributes, and names the lock file crmplan "
     "keeps beside the plan (.workplan.yaml.lock) in .gitignore (commit both, to share them). "
     "Writing twice changes nothing. With --check, only says whether all are in place (exit 1 "
     "if not).\n\n"
     "Example: crmplan git-setup --check"):
        ("Configura git para fusionar el archivo del plan con crmplan merge.\n\n"
         "Escribe el controlador de fusión en la configuración del repositorio (.git/config; una "
         "vez en cada copia), 'workplan.yaml merge=crmplan' en .gitattributes y, en "
         ".gitignore, el archivo de bloqueo que crmplan deja junto al plan (.workplan.yaml.lock) "
         "(guarde ambos con un commit para compartirlos). Escribirlo dos veces no cambia nada. "
         "Con --check, solo indica si todo está en su lugar (termina con 1 si no).\n\n"
         "Ejemplo: crmplan git-setup --check"),
    ("The history of one activity in git: who changed what, and when.\n\n"
     "Follows the activity by its id through every commit of the plan file: when it was added, "
     "each field that changed, when it was archived (into the history part) or restored.\n\n"
     "Example: crmplan log 9.3 --format json"):
        ("La historia de una actividad en git: quién cambió qué, y cuándo.\n\n"
         "Sigue la actividad por su id a través de cada commit del archivo del plan: cuándo se "
         "añadió, cada campo que cambió, cuándo se archivó (en la parte histórica) o se "
         "restauró.\n\n"
         "Ejemplo: crmplan log 9.3 --format json"),
    # render/log.py
    "{path}: {changes} in {commits}.": "{path}: {changes} en {commits}.",
    "Skipped, as the plan file could not be read there: {commits}.":
        "Omitidos, porque allí no se pudo leer el archivo del plan: {commits}.",
}


# Plural forms: (English singular, plural) -> (Spanish for n == 1, for any other n).
PLURALS: dict[tuple[str, str], tuple[str, str]] = {
    ("{n} objective", "{n} objectives"): ("{n} objetivo", "{n} objetivos"),
    ("{n} activity", "{n} activities"): ("{n} actividad", "{n} actividades"),
    ("{n} error", "{n} errors"): ("{n} error", "{n} errores"),
    ("{n} warning", "{n} warnings"): ("{n} advertencia", "{n} advertencias"),
    ("{n} warning acknowledged in the file", "{n} warnings acknowledged in the file"):
        ("{n} advertencia reconocida en el archivo", "{n} advertencias reconocidas en el archivo"),
    ("{n} activity.", "{n} activities."): ("{n} actividad.", "{n} actividades."),
    # render/report.py, render/changes.py
    (("{n} activity of the active plan names {actor}, directly or through a group, as of "
      "{date}."),
     ("{n} activities of the active plan name {actor}, directly or through a group, as of "
      "{date}.")):
        (("{n} actividad del plan activo nombra a {actor}, directamente o por medio de un "
          "grupo, al {date}."),
         ("{n} actividades del plan activo nombran a {actor}, directamente o por medio de un "
          "grupo, al {date}.")),
    ("Wrote {n} action sheet into {folder}: {names}",
     "Wrote {n} action sheets into {folder}: {names}"):
        ("Se escribió {n} hoja de compromisos en {folder}: {names}",
         "Se escribieron {n} hojas de compromisos en {folder}: {names}"),
    ("{n} added", "{n} added"): ("{n} añadida", "{n} añadidas"),
    ("{n} removed", "{n} removed"): ("{n} eliminada", "{n} eliminadas"),
    ("{n} archived", "{n} archived"): ("{n} archivada", "{n} archivadas"),
    ("{n} restored", "{n} restored"): ("{n} restaurada", "{n} restauradas"),
    ("{n} moved", "{n} moved"): ("{n} movida", "{n} movidas"),
    ("{n} status change", "{n} status changes"): ("{n} cambio de estado", "{n} cambios de estado"),
    ("{n} change of actors", "{n} changes of actors"):
        ("{n} cambio de actores", "{n} cambios de actores"),
    ("{n} due date change", "{n} due date changes"):
        ("{n} cambio de fecha prevista", "{n} cambios de fecha prevista"),
    ("{n} text edit", "{n} text edits"): ("{n} edición de texto", "{n} ediciones de texto"),
    ("{n} answer could not be applied (listed above)",
     "{n} answers could not be applied (listed above)"):
        ("{n} respuesta no se pudo aplicar (véase arriba)",
         "{n} respuestas no se pudieron aplicar (véase arriba)"),
    ("{n} outcome update", "{n} outcome updates"):
        ("{n} actualización de resultados", "{n} actualizaciones de resultados"),
    # merge / git: render/changes.py
    ("{n} change to the document data", "{n} changes to the document data"):
        ("{n} cambio en los datos del documento", "{n} cambios en los datos del documento"),
    ("{n} change to the areas", "{n} changes to the areas"):
        ("{n} cambio en las áreas", "{n} cambios en las áreas"),
    ("{n} change to the sections", "{n} changes to the sections"):
        ("{n} cambio en las secciones", "{n} cambios en las secciones"),
    ("{n} change to the actors", "{n} changes to the actors"):
        ("{n} cambio en los actores", "{n} cambios en los actores"),
    ("{n} change to the objectives", "{n} changes to the objectives"):
        ("{n} cambio en los objetivos", "{n} cambios en los objetivos"),
    ("{n} change to the meetings", "{n} changes to the meetings"):
        ("{n} cambio en las reuniones", "{n} cambios en las reuniones"),
    # render/log.py
    ("{n} change", "{n} changes"): ("{n} cambio", "{n} cambios"),
    ("{n} commit", "{n} commits"): ("{n} commit", "{n} commits"),
}

# meetings
MESSAGES |= {
    "(no one responsible)": "(sin responsable)",
    ("no meeting of the calendar is dated on or after {date}; name one, e.g. crmplan agenda "
     "{example} (see crmplan meetings)"):
        ("ninguna reunión del calendario tiene fecha a partir del {date}; indique una, p. ej. "
         "crmplan agenda {example} (vea crmplan meetings)"),
    ("The calendar of meetings: past, coming and not dated yet.\n\nEach meeting of 'meetings' "
     "by date, with how many activities its documents gave a mandate to (their references cite "
     "it) and how many are due at it.\n\nExample: crmplan meetings --as-of 2009-11-26"):
        ("El calendario de reuniones: pasadas, próximas y aún sin fecha.\n\nCada reunión de "
         "'meetings' por fecha, con cuántas actividades recibieron su mandato de sus documentos "
         "(sus referencias la citan) y cuántas vencen en ella.\n\nEjemplo: crmplan meetings "
         "--as-of 2009-11-26"),
    ("The agenda of a meeting: what each actor must bring to it.\n\nBy actor: the activities "
     "due at or before the meeting, those reported at every meeting of its body, those still "
     "to be defined (pendiente, por definir) and those due at a meeting not dated yet; then "
     "what was completed since the previous meeting of the body. The format follows the -o "
     "file's extension unless --format is given.\n\nExample: crmplan agenda GRCM-2009-12 "
     "--format docx -o agenda.docx"):
        ("La agenda de una reunión: lo que cada actor debe llevar a ella.\n\nPor actor: las "
         "actividades que vencen en la reunión o antes, las que se informan en cada reunión de "
         "su órgano, las que faltan por definir (pendiente, por definir) y las que vencen en "
         "una reunión aún sin fecha; después, lo completado desde la reunión anterior del "
         "órgano. El formato sigue la extensión del archivo de -o, salvo que indique "
         "--format.\n\nEjemplo: crmplan agenda GRCM-2009-12 --format docx -o agenda.docx"),
    "The plan has no meetings: add them under 'meetings' (see crmplan schema).":
        "El plan no tiene reuniones: agréguelas en 'meetings' (vea crmplan schema).",
    "text (a table), or json (one record per meeting).":
        "text (una tabla) o json (un registro por reunión).",
    ("The meeting's id (see crmplan meetings). Default: the next dated meeting as of today or "
     "--as-of."):
        ("El identificador de la reunión (vea crmplan meetings). Por defecto: la próxima "
         "reunión con fecha a partir de hoy o de --as-of."),
    ("Only what ACTOR brings (short or full name), itself or through a group it belongs to."):
        ("Solo lo que aporta ACTOR (nombre corto o completo), directamente o por medio de un "
         "grupo al que pertenece."),
    ("Activities due at the meeting MEETING (an id of crmplan meetings), or at each meeting of "
     "its body. Repeatable."):
        ("Actividades que vencen en la reunión MEETING (un identificador de crmplan meetings) "
         "o en cada reunión de su órgano. Se puede repetir."),
    "Activities whose references cite the meeting MEETING. Repeatable.":
        "Actividades cuyas referencias citan la reunión MEETING. Se puede repetir.",
    ("{option}: '{word}' is not a meeting of the calendar{hint} (see crmplan meetings)"):
        ("{option}: '{word}' no es una reunión del calendario{hint} (vea crmplan meetings)"),
    "a meeting": "una reunión",
    "not dated yet": "aún sin fecha",
    "Meeting": "Reunión",
    "Body": "Órgano",
    "Date": "Fecha",
    "Name, place": "Nombre, lugar",
    "When": "Cuándo",
    "Mandates": "Mandatos",
    "Due": "Vencen",
    "Due at or before this meeting": "Vencen en esta reunión o antes",
    "Reported at every meeting of this body": "Se informan en cada reunión de este órgano",
    "To define: pendiente or por definir": "Por definir: pendiente o por definir",
    "Due at a meeting not dated yet": "Vencen en una reunión aún sin fecha",
    "Agenda: {meeting}": "Agenda de la reunión {meeting}",
    ("This meeting has no date yet: only what is due at it by name, what is reported at every "
     "meeting of its body and what is to be defined."):
        ("Esta reunión aún no tiene fecha: solo lo que vence en ella por su nombre, lo que se "
         "informa en cada reunión de su órgano y lo que falta por definir."),
    "What {actor} brings": "Lo que aporta {actor}",
    "Completed before this meeting ({n})": "Completado antes de esta reunión ({n})",
    "Completed since {meeting} ({n})": "Completado desde {meeting} ({n})",
    "past": "pasada",
    "coming": "próxima",
    "Previous meeting of {body}: {meeting}.": "Reunión anterior de {body}: {meeting}.",
    "archived {date}": "archivada el {date}",
    "due at {meeting}": "vence en {meeting}",
    "at each meeting of {bodies}": "en cada reunión de {bodies}",
    "Due at": "Vence en",
    "mandate of the meeting {meeting}": "mandato de la reunión {meeting}",
    ("Each meeting of 'meetings' has its own id and a date that exists (2009-12 or 2009-12-03; "
     "left out or 'por definir' while unknown); an activity's 'due_at' names a meeting of the "
     "calendar, its 'due_each' a body that meets in it, and 'days_before' is a whole number."):
        ("Cada reunión de 'meetings' tiene su propio identificador y una fecha que existe "
         "(2009-12 o 2009-12-03; se omite o se escribe 'por definir' mientras no se conozca); "
         "el 'due_at' de una actividad nombra una reunión del calendario, su 'due_each' un "
         "órgano que se reúne en él, y 'days_before' es un número entero."),
    "a meeting date needs at least the month: 2009-12":
        "la fecha de una reunión necesita al menos el mes: 2009-12",
    "'days_before' is a whole number of days, e.g. 1":
        "'days_before' es un número entero de días, p. ej. 1",
    "meeting id '{id}' is used twice (also at line {line})":
        "el identificador de reunión '{id}' se usa dos veces (también en la línea {line})",
    "the meeting date '{value}' is not a date; write 2009-12, 2009-12-03 or por definir":
        ("la fecha de reunión '{value}' no es una fecha; escriba 2009-12, 2009-12-03 o por "
         "definir"),
    "'{id}' is not a meeting of 'meetings'": "'{id}' no es una reunión de 'meetings'",
    "no meeting of 'meetings' is of the body '{body}'":
        "ninguna reunión de 'meetings' es del órgano '{body}'",
    ("In a plan that keeps a calendar ('meetings'), a reference that names a body, a month "
     "and a year (GRCM, noviembre, 2008) matches one of its meetings, so that the plan knows "
     "which meeting gave each mandate; add the meeting to the calendar, or correct the "
     "reference."):
        ("En un plan que lleva un calendario ('meetings'), una referencia que nombra un órgano, "
         "un mes y un año (GRCM, noviembre, 2008) corresponde a una de sus reuniones, para que "
         "el plan sepa qué reunión dio cada mandato; agregue la reunión al calendario o corrija "
         "la referencia."),
    ("the reference '{ref}' names a meeting that is not in 'meetings'; add it: '- id: {id}' "
     "with 'body: {body}' and 'date: {year:04d}-{month:02d}'"):
        ("la referencia '{ref}' nombra una reunión que no está en 'meetings'; agréguela: "
         "'- id: {id}' con 'body: {body}' y 'date: {year:04d}-{month:02d}'"),
}
PLURALS |= {
    ("{n} activity of the active plan is on the agenda, as of {date}.",
     "{n} activities of the active plan are on the agenda, as of {date}."):
        ("{n} actividad del plan activo está en la agenda, al {date}.",
         "{n} actividades del plan activo están en la agenda, al {date}."),
    ("{n} day before", "{n} days before"): ("{n} día antes", "{n} días antes"),
}
